"""Pins bench/align/calibration.py on toy cases: perfectly separable, uniform, and hand-counted."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench",
                                "align"))
from calibration import (auroc, expected_calibration_error, fit_logistic,  # noqa: E402
                         log_loss, predict_logistic, share_read_for_errors)


class Separable(unittest.TestCase):
    """Every wrong link is less confident than every right one, and confidences are exact."""
    scored = [(0.0, False)] * 10 + [(1.0, True)] * 90

    def test_auroc_is_one(self):
        self.assertEqual(auroc(self.scored), 1.0)

    def test_calibration_error_is_zero(self):
        self.assertAlmostEqual(expected_calibration_error(self.scored), 0.0)

    def test_reading_the_wrong_links_first_suffices(self):
        self.assertAlmostEqual(share_read_for_errors(self.scored), 0.09)

    def test_inverted_scores_give_zero_auroc(self):
        inverted = [(1.0 - c, right) for c, right in self.scored]
        self.assertEqual(auroc(inverted), 0.0)


class Uniform(unittest.TestCase):
    """One confidence for all: it tells nothing about where the errors are."""
    scored = [(0.75, True)] * 75 + [(0.75, False)] * 25

    def test_auroc_is_one_half(self):
        self.assertEqual(auroc(self.scored), 0.5)

    def test_calibrated_when_the_rate_matches(self):
        self.assertAlmostEqual(expected_calibration_error(self.scored), 0.0)

    def test_miscalibrated_by_the_gap(self):
        overconfident = [(0.95, right) for _, right in self.scored]
        self.assertAlmostEqual(expected_calibration_error(overconfident), 0.20)

    def test_ties_are_read_in_the_worst_order(self):
        self.assertAlmostEqual(share_read_for_errors(self.scored), 0.98)


class HandCounted(unittest.TestCase):
    def test_auroc_counts_pairs(self):
        # wrong 0.2, 0.6; right 0.4, 0.6, 0.9: pairs won 1+0 + ... = (1 + 1.5 + 2) / 6
        scored = [(0.2, False), (0.6, False), (0.4, True), (0.6, True), (0.9, True)]
        self.assertAlmostEqual(auroc(scored), 4.5 / 6)

    def test_ece_bins_by_confidence(self):
        # bin 0.1-0.2: confidence .15, 0 right → .15; bin 0.9-1: .95, 1 right → .05; mean .10
        scored = [(0.15, False), (0.95, True)]
        self.assertAlmostEqual(expected_calibration_error(scored), 0.10)

    def test_no_errors_reads_nothing(self):
        self.assertEqual(share_read_for_errors([(0.5, True)]), 0.0)
        self.assertIsNone(auroc([(0.5, True)]))

    def test_log_loss_of_certainty(self):
        self.assertLess(log_loss([(1.0, True)]), 1e-5)


class FittedMap(unittest.TestCase):
    """The logistic map bench/align/fit_confidence.py fits (its constants go to confidence.hpp)."""

    def test_perfectly_separable_is_ordered_and_stays_finite(self):
        rows = [([-2.0], False)] * 10 + [([2.0], True)] * 90
        model = fit_logistic(rows)
        self.assertGreater(model[1], 0.0)
        self.assertLess(predict_logistic(model, [-2.0]), 0.1)
        self.assertGreater(predict_logistic(model, [2.0]), 0.9)
        self.assertTrue(all(abs(c) < 100 for c in model))
        fitted = [(predict_logistic(model, x), right) for x, right in rows]
        self.assertEqual(auroc(fitted), 1.0)

    def test_uniform_gives_the_rate_of_right_links(self):
        rows = [([0.5, 1.0], True)] * 75 + [([0.5, 1.0], False)] * 25
        model = fit_logistic(rows)
        self.assertAlmostEqual(predict_logistic(model, [0.5, 1.0]), 0.75, places=3)

    def test_a_calibrated_input_is_left_as_it_is(self):
        # Log-odds as the only feature, outcomes at exactly those rates: slope 1, intercept 0.
        import math
        rows = []
        for p, right in ((0.2, 2), (0.5, 5), (0.8, 8)):
            rows += [([math.log(p / (1 - p))], True)] * right
            rows += [([math.log(p / (1 - p))], False)] * (10 - right)
        model = fit_logistic(rows, l2=0.0)
        self.assertAlmostEqual(model[0], 0.0, places=4)
        self.assertAlmostEqual(model[1], 1.0, places=4)

    def test_weights_count_rows_as_repeats(self):
        rows = [([0.0], True), ([0.0], False)]
        model = fit_logistic(rows, weights=[3.0, 1.0])
        self.assertAlmostEqual(predict_logistic(model, [0.0]), 0.75, places=3)


if __name__ == "__main__":
    unittest.main()
