"""briefing: turn news into chaptered, tagged podcast episodes."""

__version__ = "0.1.0"
