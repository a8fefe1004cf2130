package io.midback.routine;

/**
 * One exercise of a routine, as its file describes it.
 *
 * @param name          the name in results and JSON ({@code cat-cow}, {@code seated-rotation}, …)
 * @param title         the heading shown
 * @param howTo         how to do it, one paragraph
 * @param position      where it starts; its neutral is captured there
 * @param movement      the angle followed (null for a timed step)
 * @param reps          target repetitions (0 for a timed step)
 * @param durationS     a timed step's length, s (0 for counted exercises)
 * @param paceS         the pacer: one repetition (or one breath) every this many seconds
 * @param targetDeg     the range asked for on each side, degrees; never more than the last mobility check measured
 * @param minDeg        an excursion counts once it is this far from the neutral, degrees
 * @param uprightLimitDeg for exercises that must keep the trunk upright (squats): a repetition tipping further than
 *                      this gets "keep your chest tall"; NaN when not watched
 * @param cueOut        the pacer's first half ("out", "breathe in")
 * @param cueBack       the pacer's second half ("back", "breathe out")
 */
public record Exercise(String name, String title, String howTo, StartPosition position, Movement movement, int reps,
                       double durationS, double paceS, double targetDeg, double minDeg, double uprightLimitDeg,
                       String cueOut, String cueBack) {

    public Exercise {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an exercise needs a name");
        }
        if (position == null) {
            throw new IllegalArgumentException(name + ": no start position");
        }
        if (movement == null ? !(durationS > 0) : reps <= 0) {
            throw new IllegalArgumentException(name + ": a counted exercise needs 'movement' and 'reps', "
                    + "a timed step 'duration-s'");
        }
        if (!(paceS > 0)) {
            throw new IllegalArgumentException(name + ": pace-s must be positive");
        }
        if (!Double.isNaN(uprightLimitDeg) && movement != Movement.FLEXION) {
            // the limit is on the angle counted, which is the trunk's forward tip only for flexion (squats)
            throw new IllegalArgumentException(name + ": upright-limit-deg watches the trunk's forward tip: it goes "
                    + "with movement flexion (squats), not " + (movement == null ? "a timed step" : movement.fileName()));
        }
    }

    /** A timed step (breathing to the pacer, foam rolling): nothing counted. */
    public boolean timed() {
        return movement == null;
    }

    /** About how long it takes, s: the target repetitions at the pacer's tempo, or the step's duration. */
    public double plannedS() {
        return timed() ? durationS : reps * paceS;
    }
}
