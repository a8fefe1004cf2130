package io.midback.posture;

import io.midback.sensor.Quat;

/**
 * A slow forward lean from the pose at the window's start: the largest rotation from that pose and its axis in
 * the sensor frame (the medio-lateral axis, pointing left for a forward lean). Plain values in; allocation-free.
 */
final class ForwardLean {
    private final Quat start = new Quat(), tmp = new Quat();
    private boolean started;
    private double maxRad, axisX, axisY, axisZ;

    void reset() {
        started = false;
        maxRad = 0;
    }

    void add(double qw, double qx, double qy, double qz) {
        if (!started) {
            start.set(qw, qx, qy, qz);
            started = true;
            maxRad = 0;
        }
        tmp.setProduct(start.w, -start.x, -start.y, -start.z, qw, qx, qy, qz);
        double ang = tmp.angleRad();
        if (ang > maxRad) {
            maxRad = ang;
            double s = tmp.w < 0 ? -1 : 1;
            double n = Math.sqrt(tmp.x * tmp.x + tmp.y * tmp.y + tmp.z * tmp.z);
            axisX = s * tmp.x / n;
            axisY = s * tmp.y / n;
            axisZ = s * tmp.z / n;
        }
    }

    /** The largest rotation from the start so far, degrees. */
    double maxDeg() {
        return Math.toDegrees(maxRad);
    }

    double axisX() {
        return axisX;
    }

    double axisY() {
        return axisY;
    }

    double axisZ() {
        return axisZ;
    }
}
