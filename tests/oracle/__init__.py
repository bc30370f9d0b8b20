"""Frozen copies of code being rewritten for speed, kept only as oracles for equivalence tests.

text/ is model/text as it was before the text rules were made several times cheaper (the batch's throughput,
issue 14): tests/test_text_equivalence.py checks that today's rules give exactly the findings these give.
Delete it once the new code has been trusted for a while; nothing outside tests/ may import it.
"""
