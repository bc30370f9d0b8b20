"""The geometry of text detection (ocr_engine.py), in numpy: the pixels of the probability map above its
threshold grouped into 8-connected components, each component's minimum-area rectangle, its mean probability,
and the rectangle grown as rapidocr grows it (pyclipper's round-join offset).  These are what OpenCV's
findContours, minAreaRect, fillPoly and pyclipper did for rapidocr, and give the same boxes (13 scanned report
pages: 999 of 1002 identical, 3 long text lines a pixel apart).  Left out: the holes inside a component, which
findContours lists too but whose boxes, mostly background, practically never pass the score."""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np


def dilate(mask: np.ndarray) -> np.ndarray:
    """OpenCV's dilation by a 2×2 kernel (anchor at its centre): a pixel also lights the pixel to its right,
    the one below and the one diagonally below right."""
    out = mask.copy()
    out[1:, :] |= mask[:-1, :]
    out[:, 1:] |= out[:, :-1].copy()
    return out


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The horizontal runs of lit pixels: row, first column, last column; in raster order."""
    height, width = mask.shape
    edges = np.zeros((height, width + 2), dtype=np.int8)
    edges[:, 1:-1] = mask
    step = np.diff(edges, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, stops = np.nonzero(step == -1)  # row-major like the starts, so they pair up
    return rows, starts, stops - 1


def _touching_pairs(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of runs (index in the row above, index below) that touch, diagonals included: the runs of a row
    are sorted and disjoint, so those touching a run below form one range, found by binary search."""
    stride = width + 3
    key_start, key_end = rows * stride + starts, rows * stride + ends
    above = (rows - 1) * stride
    lo = np.searchsorted(key_end, above + starts - 1, side="left")
    hi = np.searchsorted(key_start, above + ends + 1, side="right")
    count = np.maximum(hi - lo, 0)
    below = np.repeat(np.arange(len(rows)), count)
    offset = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    return np.repeat(lo, count) + offset, below


def _union(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Union-find over n items joined by the pairs (a, b), vectorised: each item's root, the smallest index of
    its group."""
    parent = np.arange(n)
    while len(a):
        ra, rb = parent[a], parent[b]
        apart = ra != rb
        a, b, ra, rb = a[apart], b[apart], ra[apart], rb[apart]
        np.minimum.at(parent, np.maximum(ra, rb), np.minimum(ra, rb))
        while True:  # path halving until every item points at its root
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
    return parent


def components(mask: np.ndarray) -> list[np.ndarray]:
    """The 8-connected components of a boolean image, each as the points (x, y) that span it: the first and
    last lit pixel of each of its rows (its convex hull is the component's).  In the order OpenCV's
    findContours lists outer contours: the last found (raster order of their first pixel) first."""
    rows, starts, ends = _runs(mask)
    if len(rows) == 0:
        return []
    above, below = _touching_pairs(rows, starts, ends, mask.shape[1])
    roots = _union(len(rows), above, below)
    order = np.argsort(roots, kind="stable")  # runs grouped by component, each in raster order
    rows, starts, ends, roots = rows[order], starts[order], ends[order], roots[order]
    # per component and row: the first run's start and the last run's end
    key = roots.astype(np.int64) * (mask.shape[0] + 1) + rows
    first = np.r_[True, key[1:] != key[:-1]]
    last = np.r_[key[1:] != key[:-1], True]
    points = np.concatenate([np.stack([starts[first], rows[first]], axis=1),
                             np.stack([ends[last], rows[last]], axis=1)])
    group = np.concatenate([roots[first], roots[last]])
    order = np.argsort(group, kind="stable")
    points, group = points[order], group[order]
    cuts = np.flatnonzero(group[1:] != group[:-1]) + 1
    return np.split(points, cuts)[::-1]


def convex_hull(points: np.ndarray) -> np.ndarray:
    """Andrew's monotone chain: the hull's vertices, counter-clockwise in a y-up frame; collinear points out."""
    pts = sorted(set(map(tuple, points.tolist())))
    if len(pts) < 3:
        return np.array(pts, dtype=np.float64).reshape(-1, 2)

    def half(seq: Iterable[tuple[float, ...]]) -> list[tuple[float, ...]]:
        chain: list[tuple[float, ...]] = []
        for p in seq:
            while len(chain) >= 2 and ((chain[-1][0] - chain[-2][0]) * (p[1] - chain[-2][1])
                                       - (chain[-1][1] - chain[-2][1]) * (p[0] - chain[-2][0])) <= 0:
                chain.pop()
            chain.append(p)
        return chain

    lower, upper = half(pts), half(reversed(pts))
    return np.array(lower[:-1] + upper[:-1], dtype=np.float64)


F32 = np.float32


def min_area_rect(points: np.ndarray) -> tuple[np.ndarray, float]:
    """The rectangle of least area around the points, as OpenCV's minAreaRect and boxPoints compute it (rotating
    calipers over the hull, in 32-bit floats: a corner on a whole pixel comes out a hair below or above it,
    which decides where the later truncations fall), its corners ordered as rapidocr's get_mini_boxes orders
    them (top-left, top-right, bottom-right, bottom-left); and its shorter side."""
    hull = _cv_hull(points)
    if len(hull) < 3:  # a point or a line: no area, filtered out by the caller's size check
        return np.repeat(hull[:1], 4, axis=0) if len(hull) else np.zeros((4, 2), dtype=F32), 0.0
    corner, side1, side2 = _calipers(hull)
    center = corner + (side1 + side2) * F32(0.5)
    width = F32(math.sqrt(float(side1[0]) ** 2 + float(side1[1]) ** 2))
    height = F32(math.sqrt(float(side2[0]) ** 2 + float(side2[1]) ** 2))
    angle = F32(float(F32(math.atan2(float(side1[1]), float(side1[0]))) * F32(180)) / math.pi)  # degrees
    return _ordered(_box_points(center, width, height, angle)), float(min(width, height))


def _cv_hull(points: np.ndarray) -> np.ndarray:
    """The hull's vertices as OpenCV's convexHull gives them for a contour (clockwise=True): clockwise in a y-up
    frame, from the contour's first point, the component's first pixel in raster order."""
    hull = convex_hull(points)[::-1]
    if len(hull) >= 3:
        first = min(range(len(hull)), key=lambda i: (hull[i][1], hull[i][0]))
        hull = np.concatenate((hull[first:], hull[:first]))
    return hull.astype(F32)


def _calipers(p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """OpenCV's rotatingCalipers (CALIPERS_MINAREARECT), step by step in 32-bit floats: a corner of the
    rectangle and its two sides as vectors."""
    n = len(p)
    pd = p.astype(np.float64)
    d = _following(pd) - pd
    vect = d.astype(F32)
    inv = (1.0 / np.sqrt(d[:, 0] ** 2 + d[:, 1] ** 2)).astype(F32)
    xs, ys = p[:, 0].tolist(), p[:, 1].tolist()
    seq = [ys.index(min(ys)), xs.index(max(xs)), ys.index(max(ys)), xs.index(min(xs))]  # bottom right top left
    prev = np.concatenate((vect[-1:], vect[:-1])).astype(np.float64)
    turn = prev[:, 0] * vect[:, 1] - prev[:, 1] * vect[:, 0]
    a, b = F32(1.0 if turn[np.flatnonzero(turn)[0]] > 0 else -1.0), F32(0.0)
    vx, vy, px, py = vect[:, 0], vect[:, 1], p[:, 0], p[:, 1]
    best, min_area = (0, a, F32(0), b, F32(0), 0), F32(np.finfo(F32).max)
    for _ in range(n):
        cos = [(a * vx[seq[0]] + b * vy[seq[0]]) * inv[seq[0]], (-b * vx[seq[1]] + a * vy[seq[1]]) * inv[seq[1]],
               (-a * vx[seq[2]] - b * vy[seq[2]]) * inv[seq[2]], (b * vx[seq[3]] - a * vy[seq[3]]) * inv[seq[3]]]
        main = max(range(4), key=lambda i: (cos[i], -i))  # the first of equal cosines
        k = seq[main]
        lead_x, lead_y = vx[k] * inv[k], vy[k] * inv[k]
        a, b = ((lead_x, lead_y), (lead_y, -lead_x), (-lead_x, -lead_y), (-lead_y, lead_x))[main]
        seq[main] = (seq[main] + 1) % n
        width = (px[seq[1]] - px[seq[3]]) * a + (py[seq[1]] - py[seq[3]]) * b
        height = -(px[seq[2]] - px[seq[0]]) * b + (py[seq[2]] - py[seq[0]]) * a
        area = width * height
        if area <= min_area:
            min_area, best = area, (seq[3], a, width, b, height, seq[0])
    left, a1, width, b1, height, bottom = best
    a2, b2 = -b1, a1
    c1 = a1 * px[left] + py[left] * b1
    c2 = a2 * px[bottom] + py[bottom] * b2
    idet = F32(1) / (a1 * b2 - a2 * b1)
    corner = np.array([(c1 * b2 - c2 * b1) * idet, (a1 * c2 - a2 * c1) * idet], dtype=F32)
    return corner, np.array([a1 * width, b1 * width], dtype=F32), np.array([a2 * height, b2 * height], dtype=F32)


def _box_points(center: np.ndarray, width: np.float32, height: np.float32, angle: np.float32) -> np.ndarray:
    """OpenCV's RotatedRect::points in 32-bit floats."""
    rad = float(angle) * math.pi / 180.0
    b, a = F32(math.cos(rad)) * F32(0.5), F32(math.sin(rad)) * F32(0.5)
    cx, cy = center[0], center[1]
    return np.array([(cx - a * height - b * width, cy + b * height - a * width),
                     (cx + a * height - b * width, cy - b * height - a * width),
                     (cx + a * height + b * width, cy - b * height + a * width),
                     (cx - a * height + b * width, cy + b * height + a * width)], dtype=F32)


def _ordered(corners: np.ndarray) -> np.ndarray:
    """rapidocr's corner order: of the two leftmost corners the upper is the first and the lower the last, of
    the two rightmost the upper is the second."""
    p = sorted(corners.tolist(), key=lambda c: c[0])
    first, last = (p[0], p[1]) if p[1][1] > p[0][1] else (p[1], p[0])
    second, third = (p[2], p[3]) if p[3][1] > p[2][1] else (p[3], p[2])
    return np.array([first, second, third, last], dtype=corners.dtype)


def box_score(prob: np.ndarray, box: np.ndarray) -> float:
    """The mean probability inside the box, over the pixels OpenCV's fillPoly lights for it (inside, or within
    half a pixel of an edge along its major axis), as rapidocr's box_score_fast."""
    h, w = prob.shape
    x0 = int(np.clip(np.floor(box[:, 0].min()), 0, w - 1))
    x1 = int(np.clip(np.ceil(box[:, 0].max()), 0, w - 1))
    y0 = int(np.clip(np.floor(box[:, 1].min()), 0, h - 1))
    y1 = int(np.clip(np.ceil(box[:, 1].max()), 0, h - 1))
    quad = (box - [x0, y0]).astype(np.int32).astype(np.float64)
    ys, xs = np.mgrid[0:y1 - y0 + 1, 0:x1 - x0 + 1]
    edges = _following(quad) - quad
    turn = np.sign(_area2(quad)) or 1.0
    inside = np.ones(xs.shape, dtype=bool)
    for (px, py), (dx, dy) in zip(quad, edges):
        if dx == 0 and dy == 0:
            continue
        cross = dx * (ys - py) - dy * (xs - px)
        inside &= turn * cross >= -0.5 * max(abs(dx), abs(dy))
    region = prob[y0:y1 + 1, x0:x1 + 1]
    return float(region[inside].mean()) if inside.any() else 0.0


def _area2(poly: np.ndarray) -> float:
    """Twice the signed area (shoelace)."""
    x, y = poly[:, 0], poly[:, 1]
    return float(np.dot(x, _following(y)) - np.dot(y, _following(x)))


ARC_TOLERANCE = 0.25  # pyclipper's default


def unclip(box: np.ndarray, ratio: float) -> np.ndarray:
    """The points of the box grown by d = area × ratio / perimeter as pyclipper's round-join offset grows it:
    corners truncated to whole pixels, each corner an arc of whole-pixel points from one edge's outward
    normal to the next (Clipper's step count).  Their minimum-area rectangle is the grown box."""
    exact = box.astype(np.float64)
    area = abs(_area2(exact)) / 2
    perimeter = float(np.hypot(*(_following(exact) - exact).T).sum())
    d = area * ratio / perimeter if perimeter else 0.0
    poly = np.trunc(box)  # pyclipper takes whole coordinates
    keep = np.any(poly != np.concatenate((poly[-1:], poly[:-1])), axis=1)
    poly = poly[keep]
    if d <= 0 or len(poly) < 3:
        return poly
    if _area2(poly) < 0:
        poly = poly[::-1]  # counter-clockwise (y-up frame): the outward normal of edge (dx, dy) is (dy, -dx)
    edges = _following(poly) - poly
    normals = np.stack([edges[:, 1], -edges[:, 0]], axis=1) / np.hypot(edges[:, 0], edges[:, 1])[:, None]
    tol = min(ARC_TOLERANCE, d * ARC_TOLERANCE)
    steps_round = min(math.pi / math.acos(1 - tol / d), d * math.pi)
    per_rad, step = steps_round / (2 * math.pi), 2 * math.pi / steps_round
    out = []
    for j in range(len(poly)):
        nk, nj = normals[j - 1], normals[j]  # the edge arriving at corner j, the edge leaving it
        sin_a, cos_a = nk[0] * nj[1] - nj[0] * nk[1], float(nk @ nj)
        start = math.atan2(nk[1], nk[0])
        steps = max(int(_clipper_round(per_rad * abs(math.atan2(sin_a, cos_a)))), 1)
        angles = start + math.copysign(step, sin_a) * np.arange(steps)
        arc = np.stack([np.cos(angles), np.sin(angles)], axis=1)
        out.append(_clipper_round(poly[j] + d * np.vstack([arc, nj])))
    return np.concatenate(out)


def _following(a: np.ndarray) -> np.ndarray:
    """Each vertex's successor around the polygon."""
    return np.concatenate((a[1:], a[:1]))


def _clipper_round(v: np.ndarray | float) -> np.ndarray:
    """Clipper's Round: half away from zero."""
    return np.where(np.asarray(v) < 0, np.ceil(np.asarray(v) - 0.5), np.floor(np.asarray(v) + 0.5))
