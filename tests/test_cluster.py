import numpy as np

from voc.themes.cluster import OTHER, cluster_vectors


def _blobs(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(4, 32))
    sizes = [20, 12, 7, 2]
    xs, ys = [], []
    for k, (c, n) in enumerate(zip(centres, sizes, strict=True)):
        xs.append(c + 0.15 * rng.normal(size=(n, 32)))
        ys += [k] * n
    return np.vstack(xs).astype(np.float32), np.array(ys)


def test_finds_clusters_without_k_and_orders_by_size() -> None:
    x, y = _blobs()
    labels = cluster_vectors(x, distance_threshold=0.5, min_size=3, assign_threshold=0.9)
    assert list(labels[:20]) == [0] * 20
    assert set(labels[20:32]) == {1}
    assert set(labels[32:39]) == {2}
    # the 2-point blob is below min_size and far from everything: "other"
    assert set(labels[39:]) == {OTHER}


def test_deterministic() -> None:
    x, _ = _blobs(3)
    a = cluster_vectors(x, seed=1)
    b = cluster_vectors(x, seed=1)
    assert (a == b).all()


def test_near_duplicate_clusters_merged() -> None:
    x, _ = _blobs()
    # two tight copies of one blob, slightly shifted: merged at a low merge threshold
    twin = np.vstack([x[:20], x[:20] + 0.05])
    labels = cluster_vectors(twin, distance_threshold=0.05, min_size=3, merge_threshold=0.9)
    assert len(set(labels.tolist()) - {OTHER}) == 1


def test_sampled_fit_assigns_everyone() -> None:
    x, y = _blobs()
    big = np.vstack([x] * 10)
    labels = cluster_vectors(big, max_fit=100, min_size=3, seed=0)
    assert len(labels) == len(big)
    assert (labels[: len(x)] == labels[len(x) : 2 * len(x)]).all()


def test_small_inputs() -> None:
    assert cluster_vectors(np.zeros((0, 8))).tolist() == []
    assert cluster_vectors(np.ones((2, 8)), min_size=3).tolist() == [OTHER, OTHER]


def test_graph_method_stable_across_seeds_and_agglomerative_still_available() -> None:
    from sklearn.metrics import adjusted_rand_score

    x, y = _blobs(5)
    a = cluster_vectors(x, min_size=3, seed=0)
    b = cluster_vectors(x, min_size=3, seed=7)
    assert adjusted_rand_score(a, b) == 1.0
    assert adjusted_rand_score(y[:39], a[:39]) == 1.0
    c = cluster_vectors(x, method="agglomerative", distance_threshold=0.5, assign_threshold=0.9)
    assert adjusted_rand_score(y[:39], c[:39]) == 1.0


def test_left_over_statements_join_nearest_theme_unless_unlike_all() -> None:
    """``other_threshold``: a stray near a theme joins it; one unlike every theme stays other."""
    x, _ = _blobs()
    rng = np.random.default_rng(5)
    near = x[:2].mean(axis=0) + 1.2 * rng.normal(size=(1, 32)).astype(np.float32)
    far = rng.normal(size=(1, 32)).astype(np.float32)
    far -= (far @ x.T @ np.linalg.pinv(x.T)).astype(np.float32)  # orthogonal to every blob
    xs = np.vstack([x, near, far])
    un = xs / np.linalg.norm(xs, axis=1, keepdims=True)
    assert 0.2 <= float(un[-2] @ un[:20].mean(axis=0) / np.linalg.norm(un[:20].mean(0))) < 0.9
    kw = {"distance_threshold": 0.5, "min_size": 3, "assign_threshold": 0.9}
    strict = cluster_vectors(xs, **kw)
    assert strict[-2] == OTHER and strict[-1] == OTHER
    loose = cluster_vectors(xs, other_threshold=0.2, **kw)
    assert loose[-2] == loose[0] and loose[-1] == OTHER
