package io.midback.mobility;

/** Receives every frame of a check, on the thread that feeds samples; copy what you keep (the frame is reused). */
@FunctionalInterface
public interface MobilityListener {
    void onFrame(MobilityFrame frame);
}
