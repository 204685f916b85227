"""Script: turn an article and headlines into the exact words to be spoken."""

from briefing.script.build import build_script
from briefing.script.select import parse_selection
from briefing.script.sentences import split_sentences

__all__ = ["build_script", "parse_selection", "split_sentences"]
