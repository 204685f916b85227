"""Publishing: the files that go beside an episode (chapters, transcripts, show notes,
metadata) and, later, the feed."""
