"""Reading the narrative of a report: compacting text with offsets kept, numbers, numeric claims,
字数, numbering, statute names and repeated passages.  Pure Python; `model.text.checks` turns the
results into findings."""
