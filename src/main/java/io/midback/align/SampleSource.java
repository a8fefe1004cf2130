package io.midback.align;

/**
 * Where a lower sensor's samples come from: a whole recording read before the session ({@link SampleTrack}), or a
 * live link's samples as they arrive ({@link SampleRing}).
 */
public interface SampleSource {
    /**
     * A reader from the stream's first sample on (or, live, its oldest sample not yet read). A recording gives a
     * new one each time; a live ring has exactly one (its single consumer) and refuses a second.
     */
    SampleReader reader();
}
