"""The text rules' quick paths (issue 14) against the plain computations they stand for: each must give
exactly what the plain one gives, on any text, so no finding changes."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.text import statute

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# few characters, so that shared starts and ends, repeats and near misses are common
NAMEISH = st.text(alphabet="中华人民共和国政府信息公开条例规定办法", max_size=18) | st.text(alphabet="公开条例", max_size=8)


def plain_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@SETTINGS
@given(a=NAMEISH, b=NAMEISH, limit=st.integers(0, 5))
def test_distance_is_levenshtein_up_to_the_limit(a, b, limit):
    assert statute._distance(a, b, limit) == min(plain_distance(a, b), limit + 1)


def test_distance_of_a_near_miss_of_the_statute():
    assert statute._distance("中华人民共和国信息公开条例", statute.STATUTE, 4) == 2
    assert statute._distance("中华人民共和国政府信息公开条列", statute.STATUTE, 4) == 1
    assert statute._distance("政府信息公开信息处理费管理办法", statute.STATUTE, 4) == 5
    # a shared start and a shared end that overlap in the longer name: 「条例」 is left over, not nothing
    assert statute._distance("条例条例", "条例条例条例", 4) == 2
