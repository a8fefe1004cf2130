package io.midback.report;

import java.util.List;

/**
 * Published normal ranges of trunk motion, for context beside a person's figures: one definition, used by the
 * mobility report and the window's Mobility tab. Norms vary widely with age, sex, method and whether the hips and
 * lumbar spine are included; none is a target.
 */
public final class MobilityNorms {
    private MobilityNorms() {
    }

    /**
     * A normal range for one direction.
     *
     * @param direction the direction's JSON name ({@code flexion}, …)
     * @param normDeg   the published figure, degrees
     * @param source    where it comes from
     */
    public record Norm(String direction, double normDeg, String source) {
    }

    /** The source of {@link #ALL}. */
    public static final String AAOS = "AAOS, Joint Motion: Method of Measuring and Recording (1965), "
            + "thoracolumbar spine";

    /** What every chart and table says beside the norms. */
    public static final String CAVEAT = "Norms vary widely with age, sex, method and whether the hips and lumbar "
            + "spine are included (the sensor's figures are trunk ranges): context, not a target.";

    /** Thoracolumbar flexion 80°, extension 25°, lateral bending 35° and rotation 45° each way. */
    public static final List<Norm> ALL = List.of(
            new Norm("flexion", 80, AAOS),
            new Norm("extension", 25, AAOS),
            new Norm("sideBendLeft", 35, AAOS),
            new Norm("sideBendRight", 35, AAOS),
            new Norm("rotationLeft", 45, AAOS),
            new Norm("rotationRight", 45, AAOS));

    /** The norm of a direction by JSON name. */
    public static Norm of(String direction) {
        return ALL.stream().filter(n -> n.direction().equals(direction)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no norm for " + direction));
    }
}
