package io.midback.cli;

import io.midback.align.LowerStream;
import io.midback.app.SessionSpec;
import io.midback.mobility.AngleSeries;
import io.midback.mobility.MobilityFrame;
import io.midback.mobility.MobilityListener;
import io.midback.mobility.MobilityStage;
import io.midback.orientation.OrientationFilters;
import io.midback.posture.Calibration;
import io.midback.posture.PostureFrame;
import io.midback.posture.SpineAngles;

import java.util.List;
import java.util.function.Consumer;

/**
 * A mobility check with a lower sensor: every frame of the upper sensor's check goes on to the trunk's
 * {@link AngleSeries} as with one sensor, and the spine's angles at the same time (the aligned lower stream,
 * {@link SpineAngles}: each sensor relative to its own upright, the lower one's captured over the same window as the
 * check's capture) to a second series, for {@link io.midback.mobility.SpineRanges}. Its rotation is the untracked
 * heading difference between the two segments ({@link SpineAngles#headingDifferenceDeg}), which drifts but little
 * over one repetition: {@code SpineRanges} measures a rotation from the line between its start and its end.
 */
final class SpineCheck implements MobilityListener {
    /** Axial rotation (+ right) against the heading difference (+ counter-clockwise seen from above). */
    static final double ROTATION_SIGN = -1;
    private final AngleSeries trunk;
    private final AngleSeries spine = new AngleSeries();
    private final LowerStream lower;
    private final SpineAngles angles;
    private final PostureFrame out = new PostureFrame();
    private MobilityStage stage;
    private boolean calibrated;

    SpineCheck(AngleSeries trunk, SessionSpec.Lower l, double neutralWindowS, Consumer<String> notices) {
        this.trunk = trunk;
        this.lower = new LowerStream(l.samples(), l.clock(), OrientationFilters.create(l.filterName(), l.rateHz()),
                notices);
        this.angles = new SpineAngles(neutralWindowS);
    }

    /** The check's stage, whose capture is the upper sensor's upright (set before the samples flow). */
    void stage(MobilityStage s) {
        this.stage = s;
    }

    AngleSeries spine() {
        return spine;
    }

    @Override
    public void onFrame(MobilityFrame f) {
        trunk.onFrame(f);
        if (!f.biasKnown) {
            return;
        }
        boolean present = lower.advanceTo(f.tS);
        angles.update(f.tS, f.qw, f.qx, f.qy, f.qz, present, lower.qw(), lower.qx(), lower.qy(), lower.qz(), out);
        if (f.captured && !calibrated) {
            calibrated = true;
            angles.calibrated(new Calibration(stage.captureAtS(), "mobility check", stage.neutral(),
                    stage.mounting(), "mobility check", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    List.of()));
        }
        if (f.captured) {
            spine.add(f.tS, out.spineValid ? out.spineFlexionDeg : Double.NaN,
                    out.spineValid ? out.spineLateralBendDeg : Double.NaN,
                    out.spineValid ? ROTATION_SIGN * angles.headingDifferenceDeg() : Double.NaN);
        }
    }
}
