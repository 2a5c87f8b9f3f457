"""A deterministic force-directed layout (Fruchterman-Reingold) for the report's network.

Pure Python: a few hundred nodes at most are drawn, so the quadratic
repulsion is cheap. The same nodes and edges give the same positions on
every run and machine (the start is a spiral in the nodes' order, no
randomness).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["spring"]


def spring(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    *,
    width: float = 1000.0,
    height: float = 700.0,
    iterations: int = 120,
) -> dict[str, tuple[float, float]]:
    """Positions in ``[0, width] x [0, height]`` for *nodes*, tied by *edges*.

    >>> pos = spring(["a", "b", "c"], [("a", "b")])
    >>> sorted(pos) == ["a", "b", "c"] and all(0 <= x <= 1000 and 0 <= y <= 700 for x, y in pos.values())
    True
    """
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    links = [(index[a], index[b]) for a, b in edges if a in index and b in index and a != b]
    # a spiral start: far apart, deterministic
    xs = [math.cos(i * 2.399963) * math.sqrt(i + 1) for i in range(n)]
    ys = [math.sin(i * 2.399963) * math.sqrt(i + 1) for i in range(n)]
    k = math.sqrt(1.0 / n) * 2.0
    scale = math.sqrt(n)
    xs = [x / scale for x in xs]
    ys = [y / scale for y in ys]
    temp = 0.1
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                ddx, ddy = xi - xs[j], yi - ys[j]
                d2 = ddx * ddx + ddy * ddy or 1e-9
                f = k * k / d2
                dx[i] += ddx * f
                dy[i] += ddy * f
                dx[j] -= ddx * f
                dy[j] -= ddy * f
        for a, b in links:
            ddx, ddy = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 1e-9
            f = d / k
            dx[a] -= ddx * f
            dy[a] -= ddy * f
            dx[b] += ddx * f
            dy[b] += ddy * f
        for i in range(n):  # a little gravity keeps separate groups on the page
            dx[i] -= xs[i] * 0.05 * n * k
            dy[i] -= ys[i] * 0.05 * n * k
            d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) or 1e-9
            step = min(d, temp)
            xs[i] += dx[i] / d * step
            ys[i] += dy[i] / d * step
        temp -= cool
    lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
    span_x, span_y = (hi_x - lo_x) or 1.0, (hi_y - lo_y) or 1.0
    pad, label_room = 30.0, 170.0  # labels are written to the right of their node
    return {
        v: (
            round(pad + (xs[i] - lo_x) / span_x * (width - 2 * pad - label_room), 1),
            round(pad + (ys[i] - lo_y) / span_y * (height - 2 * pad), 1),
        )
        for v, i in index.items()
    }
