"""Pins bench/align/calibration.py on toy cases: perfectly separable, uniform, and hand-counted."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench",
                                "align"))
from calibration import (auroc, expected_calibration_error, log_loss,  # noqa: E402
                         share_read_for_errors)


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


if __name__ == "__main__":
    unittest.main()
