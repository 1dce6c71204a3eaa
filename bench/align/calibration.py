"""How well a link's confidence finds the wrong links: AUROC of (1 - confidence), expected
calibration error, and the share of links a reviewer reads, least confident first, to meet a given
share of the errors. Pure functions over (confidence, right) pairs; tests/bench/test_calibration.py
pins them on toy cases."""


def auroc(scored):
    """Probability that a wrong link gets a lower confidence than a right one (ties count half):
    the area under the ROC curve of (1 - confidence) for finding wrong links. None without both."""
    wrong = sorted(c for c, right in scored if not right)
    right = sorted(c for c, right in scored if right)
    if not wrong or not right:
        return None
    # For each right link, count the wrong links below it and those tied with it (two pointers).
    below = tied_end = 0
    favourable = 0.0
    for value in right:
        while below < len(wrong) and wrong[below] < value:
            below += 1
        tied_end = max(tied_end, below)
        while tied_end < len(wrong) and wrong[tied_end] == value:
            tied_end += 1
        favourable += below + 0.5 * (tied_end - below)
    return favourable / (len(wrong) * len(right))


def expected_calibration_error(scored, bins=10):
    """Sum over equal-width confidence bins of (share of links in the bin) × |mean confidence −
    share right|."""
    if not scored:
        return None
    totals = [[0, 0.0, 0] for _ in range(bins)]  # count, summed confidence, right
    for confidence, right in scored:
        k = min(bins - 1, max(0, int(confidence * bins)))
        totals[k][0] += 1
        totals[k][1] += confidence
        totals[k][2] += 1 if right else 0
    return sum(abs(summed - hits) for count, summed, hits in totals if count) / len(scored)


def share_read_for_errors(scored, share_of_errors=0.9):
    """Share of links read, least confident first, until `share_of_errors` of the wrong links are
    met. Ties are read in the worst order (right links first), so the figure cannot flatter."""
    errors = sum(1 for _, right in scored if not right)
    if errors == 0:
        return 0.0
    order = sorted(scored, key=lambda item: (item[0], not item[1]))
    needed = share_of_errors * errors
    met = 0
    for read, (_, right) in enumerate(order, 1):
        if not right:
            met += 1
            if met >= needed - 1e-9:
                return read / len(scored)
    return 1.0


def log_loss(scored):
    """Mean negative log-likelihood of the right/wrong outcomes under the confidences."""
    import math
    eps = 1e-6
    total = 0.0
    for confidence, right in scored:
        p = min(1 - eps, max(eps, confidence))
        total -= math.log(p if right else 1 - p)
    return total / len(scored) if scored else None


def _sigmoid(z):
    import math
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))


def predict_logistic(coefficients, features):
    """P(right) under a logistic model: coefficients[0] is the intercept."""
    return _sigmoid(coefficients[0] + sum(c * x for c, x in zip(coefficients[1:], features)))


def fit_logistic(rows, weights=None, l2=1e-3, iterations=100):
    """Logistic regression of `right` on features by Newton's method with step halving.

    rows: [(features (list of floats), right (bool))]; weights: one per row (default 1), e.g. so
    that every development set counts the same. The L2 penalty, l2 × (summed weights) × |w|² / 2
    on every coefficient but the intercept, keeps a perfectly separable case finite. Returns
    [intercept, w1, w2, ...]."""
    import math
    if weights is None:
        weights = [1.0] * len(rows)
    xs = [[1.0] + list(features) for features, _ in rows]
    ys = [1.0 if right else 0.0 for _, right in rows]
    size = len(xs[0])
    penalty = l2 * sum(weights)

    def loss(w):
        total = 0.0
        for x, y, weight in zip(xs, ys, weights):
            p = min(1 - 1e-12, max(1e-12, _sigmoid(sum(a * b for a, b in zip(w, x)))))
            total -= weight * math.log(p if y else 1 - p)
        return total + 0.5 * penalty * sum(v * v for v in w[1:])

    w = [0.0] * size
    current = loss(w)
    for _ in range(iterations):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for x, y, weight in zip(xs, ys, weights):
            p = _sigmoid(sum(a * b for a, b in zip(w, x)))
            for a in range(size):
                gradient[a] += weight * (p - y) * x[a]
                for b in range(size):
                    hessian[a][b] += weight * p * (1 - p) * x[a] * x[b]
        for a in range(size):
            if a > 0:
                gradient[a] += penalty * w[a]
                hessian[a][a] += penalty
            hessian[a][a] += 1e-9
        step = _solve(hessian, gradient)
        scale = 1.0
        while True:
            candidate = [a - scale * b for a, b in zip(w, step)]
            candidate_loss = loss(candidate)
            if candidate_loss <= current or scale < 1e-6:
                break
            scale /= 2
        if candidate_loss > current:
            break
        improvement = current - candidate_loss
        w, current = candidate, candidate_loss
        if improvement < 1e-10:
            break
    return w


def _solve(matrix, vector):
    """x with matrix · x = vector (Gauss–Jordan with partial pivoting; small dense systems)."""
    size = len(vector)
    rows = [list(matrix[r]) + [vector[r]] for r in range(size)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(rows[r][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for r in range(size):
            if r != column and rows[column][column] != 0.0:
                factor = rows[r][column] / rows[column][column]
                for c in range(column, size + 1):
                    rows[r][c] -= factor * rows[column][c]
    return [rows[r][size] / rows[r][r] if rows[r][r] != 0.0 else 0.0 for r in range(size)]
