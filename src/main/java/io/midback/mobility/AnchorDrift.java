package io.midback.mobility;

import java.util.ArrayList;
import java.util.List;

/**
 * The heading drift left after following the gyroscope bias, from the anchors: the returns to upright between
 * repetitions. An anchor is a stretch of stillness (speed under {@link MobilitySettings#stillRateDegPerS()}) outside
 * every candidate repetition of any movement; the trunk is back at upright there, so the rotation it shows is drift
 * (plus the small wander of a person sitting still). The drift at any time is a local linear fit through the anchors
 * nearby, each weighted by its length and a Gaussian of its distance in time
 * ({@link MobilitySettings#anchorSmoothingS()}), so the wander averages out while the drift is followed. The capture
 * (rotation 0 by construction) is the first anchor.
 */
final class AnchorDrift {
    private AnchorDrift() {
    }

    /** One still stretch at upright: its middle time (s), mean rotation (degrees) and length (s). */
    record Anchor(double tS, double rotationDeg, double lengthS) {
    }

    /** The anchors of a series, given the candidate repetitions of every movement (whose spans are not anchors). */
    static List<Anchor> anchors(AngleSeries s, List<RepFinder.Candidate> candidates, MobilitySettings settings) {
        int n = s.size();
        boolean[] inRep = new boolean[n];
        for (RepFinder.Candidate c : candidates) {
            for (int i = c.startIndex(); i <= c.endIndex() && i < n; i++) {
                inRep[i] = true;
            }
        }
        List<Anchor> out = new ArrayList<>();
        int start = -1;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            boolean anchor = i < n && !inRep[i] && s.speedDegPerS(i) < settings.stillRateDegPerS();
            if (anchor) {
                if (start < 0) {
                    start = i;
                    sum = 0;
                }
                sum += s.angleDeg(2, i);
                continue;
            }
            if (start >= 0) {
                double lengthS = s.tS(i - 1) - s.tS(start);
                if (lengthS > 0) {
                    out.add(new Anchor((s.tS(start) + s.tS(i - 1)) / 2, sum / (i - start), lengthS));
                }
                start = -1;
            }
        }
        return out;
    }

    /** The drift at every frame of the series, degrees (zeros without anchors). */
    static double[] driftDeg(AngleSeries s, List<Anchor> anchors, MobilitySettings settings) {
        double[] d = new double[s.size()];
        if (anchors.isEmpty()) {
            return d;
        }
        double twoSigmaSq = 2 * settings.anchorSmoothingS() * settings.anchorSmoothingS();
        for (int i = 0; i < d.length; i++) {
            d[i] = localLinear(anchors, s.tS(i), twoSigmaSq);
        }
        return d;
    }

    /** The weighted least-squares line through the anchors, at time t; the weighted mean when the line is ill-posed. */
    private static double localLinear(List<Anchor> anchors, double tS, double twoSigmaSq) {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Anchor a : anchors) {
            double x = a.tS() - tS;
            double w = a.lengthS() * Math.exp(-x * x / twoSigmaSq);
            sw += w;
            sx += w * x;
            sy += w * a.rotationDeg();
            sxx += w * x * x;
            sxy += w * x * a.rotationDeg();
        }
        if (!(sw > 1e-9)) {
            return nearest(anchors, tS);
        }
        double det = sw * sxx - sx * sx;
        if (det <= 1e-9 * sw * sw) {
            return sy / sw;
        }
        // the line's value at x = 0
        return (sy * sxx - sx * sxy) / det;
    }

    private static double nearest(List<Anchor> anchors, double tS) {
        Anchor best = anchors.get(0);
        for (Anchor a : anchors) {
            if (Math.abs(a.tS() - tS) < Math.abs(best.tS() - tS)) {
                best = a;
            }
        }
        return best.rotationDeg();
    }
}
