"""Golden digests of the text rules' outputs on a fixed corpus (tests/test_text_golden.py; record.py)."""
