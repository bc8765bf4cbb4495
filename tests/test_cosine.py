import numpy as np

from voc.cosine import top_k


def test_top_k_is_the_same_whatever_the_row_block() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 8)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    cols, sims = top_k(x, 5, chunk=64)
    full = x @ x.T
    np.fill_diagonal(full, -np.inf)
    want = np.sort(np.argsort(-full, axis=1)[:, :5], axis=1)
    assert np.array_equal(np.sort(cols, axis=1), want)
    assert not (cols == np.arange(300)[:, None]).any()  # never its own neighbour
    assert np.allclose(sims, np.take_along_axis(full, cols, axis=1))
