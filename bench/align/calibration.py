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
