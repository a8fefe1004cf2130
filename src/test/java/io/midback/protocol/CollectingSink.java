package io.midback.protocol;

import io.midback.sensor.ImuSample;
import io.midback.sensor.SampleBatch;
import io.midback.sensor.SampleSink;

import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps every sample, gap and message, and records quaternions and Euler angles. */
final class CollectingSink implements SampleSink, DeviceMessageListener, OrientationListener {
    final List<ImuSample> samples = new ArrayList<>();
    final List<String> gaps = new ArrayList<>();
    final List<DeviceMessage> messages = new ArrayList<>();
    final List<double[]> quaternions = new ArrayList<>();
    final List<double[]> eulers = new ArrayList<>();
    int batches;
    boolean ended;

    @Override
    public void accept(SampleBatch batch) {
        batches++;
        for (int i = 0; i < batch.size(); i++) {
            samples.add(batch.get(i));
        }
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
        gaps.add(fromS + ".." + toS + " " + reason);
    }

    @Override
    public void end() {
        ended = true;
    }

    @Override
    public void onMessage(DeviceMessage message) {
        messages.add(message);
    }

    @Override
    public void onQuaternion(double tS, double w, double x, double y, double z) {
        quaternions.add(new double[] {tS, w, x, y, z});
    }

    @Override
    public void onEulerDeg(double tS, double rollDeg, double pitchDeg, double yawDeg) {
        eulers.add(new double[] {tS, rollDeg, pitchDeg, yawDeg});
    }

    /** A decoder of {@code f} wired to this sink for samples, messages and orientation. */
    ImuDecoder decoder(WireFormat f, double rateHz) {
        return f.newDecoder(this, rateHz).onMessage(this).onOrientation(this);
    }

    /** Everything received, as comparable text (exact doubles). */
    String transcript() {
        StringBuilder sb = new StringBuilder();
        samples.forEach(s -> sb.append(s).append('\n'));
        gaps.forEach(g -> sb.append("gap ").append(g).append('\n'));
        messages.forEach(m -> sb.append(m).append('\n'));
        quaternions.forEach(q -> sb.append("q ").append(java.util.Arrays.toString(q)).append('\n'));
        eulers.forEach(q -> sb.append("e ").append(java.util.Arrays.toString(q)).append('\n'));
        return sb.toString();
    }
}
