package io.midback.recording;

import io.midback.sensor.Gap;
import io.midback.sensor.SampleBatch;
import io.midback.text.DecimalParser;
import io.midback.text.Printable;
import io.midback.sensor.SampleSink;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a recording in Midback's canonical CSV format (see {@code samples/README.md}) into batches of samples.
 *
 * <p>{@code #} lines carry metadata ({@code # key: value}); the first other line is the header, and columns are
 * found by name ({@code t_s,gx,gy,gz,ax,ay,az}, optionally {@code mx,my,mz}; any others are ignored unless asked
 * for as extra columns). A recording from a sensor without a gyroscope has no {@code gx,gy,gz} (header
 * {@code t_s,ax,ay,az}): its samples carry NaN there and {@link #hasGyroscope()} is false. A name ending in
 * {@code .gz} is decompressed on the fly.
 *
 * <p>Bytes are parsed in place, without a String per line or per number, because parsing is what bounds the
 * speed of a replay. Problems are never passed over silently: a malformed line stops the read with a message
 * naming the file and line (or, with {@link ReadOptions#skipBadLines()}, is skipped and counted); time that goes
 * backwards, NaN values and gaps are dropped or reported and counted in the {@link ReadReport}. Samples read
 * before a failure have been handed to the sink when the exception is thrown.
 *
 * <p>With two or more processors, parsing runs on a thread of its own ahead of the sink ({@link ReadAhead}); the
 * sink is still called on the thread that calls {@link #read}, with the same batches, gaps and end, in the same
 * order. The accessors ({@link #metadata()}, {@link #report()}, …) are for after {@code read} returns.
 */
public final class CsvSampleReader {
    /** The command line's advice that messages of a malformed line end with. */
    public static final String SKIP_BAD_LINES_ADVICE = " (use --skip-bad-lines to skip such lines)";
    /** The command line's advice that the message of a binary file's header ends with. */
    public static final String FORMAT_ADVICE = " (binary data: is this a sensor's byte capture? then give --format)";
    private static final int BUFFER_BYTES = 1 << 20;

    /** A reading failure's message without the command line's advice (for where there is no command line). */
    public static String withoutCommandLineAdvice(String message) {
        return message.replace(SKIP_BAD_LINES_ADVICE, "").replace(FORMAT_ADVICE, "");
    }

    private static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int MAX_PROBLEMS = 10;
    /** Batches in flight between the parsing thread and the sink: enough to ride out a slow batch either side. */
    private static final int READ_AHEAD_BATCHES = 4;
    private static final String[] SAMPLE_COLUMNS = {"t_s", "gx", "gy", "gz", "ax", "ay", "az", "mx", "my", "mz"};
    private static final int REQUIRED = 7;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15};

    private final Path file;
    private final ReadOptions options;
    private final String displayName;

    private RecordingMetadata metadata = RecordingMetadata.empty();
    private List<String> header = List.of();

    // Column index in the line -> slot: 0..9 sample columns, 10.. extra columns, -1 ignored.
    private int[] slotOfColumn;
    private boolean hasMag, hasGyro = true;
    private final double[] values = new double[SAMPLE_COLUMNS.length + 16];

    // Read state.
    private long lineNo;
    private long samples, dataLines, badLines, backward, nans, gaps;
    private double gapSeconds;
    private boolean lastLineCut;
    private final List<String> problems = new ArrayList<>();
    private double lastT = Double.NaN;
    private double nominalPeriodS = Double.NaN;
    private double firstT = Double.NaN;
    private long periodEstimateSamples;

    // Where parsed samples go: the batch being filled and the outlet that takes it when full (null: header only).
    private ReadAhead.Outlet out;
    private SampleBatch batch;

    private CsvSampleReader(Path file, ReadOptions options) {
        this.file = file;
        this.options = options;
        this.displayName = file.toString();
    }

    /** A reader for one file; nothing is opened until {@link #read}. */
    public static CsvSampleReader of(Path file, ReadOptions options) {
        return new CsvSampleReader(file, options);
    }

    public static CsvSampleReader of(Path file) {
        return new CsvSampleReader(file, ReadOptions.DEFAULT);
    }

    /** Metadata and header of the file only (reads up to the header line). */
    public static RecordingMetadata readMetadata(Path file) {
        CsvSampleReader r = of(file);
        r.read(null);
        return r.metadata;
    }

    public RecordingMetadata metadata() {
        return metadata;
    }

    /** The header's column names, as written. */
    public List<String> header() {
        return header;
    }

    /** False for a recording without gyroscope columns (its samples carry NaN there). */
    public boolean hasGyroscope() {
        return hasGyro;
    }

    public boolean hasMagnetometer() {
        return hasMag;
    }

    /**
     * Reads the whole file into {@code sink} in batches, then calls {@link SampleSink#end()}. With a null sink,
     * stops after the header (for {@link #readMetadata}).
     *
     * @throws RecordingFormatException naming the file and line, for a malformed line (unless skipped), a
     *                                  missing column, a truncated compressed file or an unreadable file
     */
    public ReadReport read(SampleSink sink) {
        int extras = options.extraColumns().size();
        if (sink == null) {
            parseAll(null, new SampleBatch(1, extras));
        } else if (Runtime.getRuntime().availableProcessors() >= 2) {
            ReadAhead.run(this::parseAll, sink, READ_AHEAD_BATCHES, options.batchSize(), extras, displayName);
        } else {
            ReadAhead.inline(this::parseAll, sink, options.batchSize(), extras);
        }
        return report();
    }

    /**
     * The whole read, on whichever thread parses, into {@code out} (null: up to the header only). What was
     * parsed before a failure has been handed over when the exception leaves.
     */
    private void parseAll(ReadAhead.Outlet out, SampleBatch first) {
        this.out = out;
        this.batch = first;
        try (InputStream in = open()) {
            parse(in);
        } catch (NoSuchFileException e) {
            throw new RecordingFormatException(displayName + ": no such file");
        } catch (EOFException | ZipException e) {
            flush();
            throw new RecordingFormatException(displayName + ": compressed data ends or breaks after line "
                    + lineNo + " (" + e.getMessage() + "); the " + samples
                    + " samples before it were read. Is the file truncated?", e);
        } catch (IOException e) {
            flush();
            throw new RecordingFormatException(displayName + ": cannot read after line " + lineNo + ": "
                    + e.getMessage(), e);
        } catch (RecordingFormatException e) {
            flush();
            throw e;
        }
        flush();
    }

    public ReadReport report() {
        return new ReadReport(samples, dataLines, badLines, backward, nans, gaps, gapSeconds, lastLineCut, problems);
    }

    private InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return new BufferedInputStream(raw, 1 << 16);
    }

    private void parse(InputStream in) throws IOException {
        byte[] buf = new byte[BUFFER_BYTES];
        int start = 0;   // start of the unconsumed part
        int end = 0;     // end of valid bytes
        int whole = 0;   // end of the last complete line (after its newline) in buf[0, end)
        boolean eof = false;
        boolean headerDone = false;
        boolean discarding = false; // inside a line too long to hold, skipped (skip-bad-lines) up to its newline
        while (true) {
            if (discarding) {
                int nl = indexOf(buf, start, end, (byte) '\n');
                if (nl >= 0) {
                    discarding = false;
                    start = nl + 1;
                    whole = lastIndexOf(buf, start, end, (byte) '\n') + 1;
                    continue;
                }
                start = end = whole = 0;
                if (eof) {
                    break;
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    eof = true;
                } else {
                    end = n;
                }
                continue;
            }
            if (headerDone && start < whole) {
                // Plain lines (the vast majority) are parsed in one pass; anything unusual takes the general path.
                // Only whole lines go this way, so the one pass never meets the end of the bytes read (a branch
                // that, first taken after compilation, would send the compiled code back to be compiled again).
                int next = fastLine(buf, start, whole);
                if (next > 0) {
                    lineNo++;
                    dataLines++;
                    acceptParsed();
                    start = next;
                    continue;
                }
            }
            // Find the next line in buf[start, end).
            int nl = indexOf(buf, start, end, (byte) '\n');
            if (nl < 0) {
                if (eof) {
                    if (start < end) {
                        lineNo++;
                        // The last line has no newline: a complete last line, or a truncated one.
                        if (!headerDone) {
                            headerDone = handlePreamble(buf, start, end);
                        } else {
                            handleData(buf, start, end, true);
                        }
                    }
                    break;
                }
                // Need more bytes: compact, grow if one line exceeds the buffer, then read.
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    if (buf.length >= MAX_LINE_BYTES * 32) {
                        lineNo++;
                        String why = "line longer than " + buf.length + " bytes";
                        if (!headerDone || !options.skipBadLines()) {
                            throw new RecordingFormatException(displayName + ":" + lineNo + ": " + why
                                    + (headerDone ? SKIP_BAD_LINES_ADVICE
                                    : "; is this a CSV recording?"));
                        }
                        dataLines++;
                        badLines++;
                        problem("line " + lineNo + ": " + why + "; line skipped");
                        discarding = true;
                        start = end = whole = 0;
                        continue;
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
                whole = lastIndexOf(buf, start, end, (byte) '\n') + 1;
                continue;
            }
            lineNo++;
            if (!headerDone) {
                headerDone = handlePreamble(buf, start, nl);
                if (headerDone && out == null) {
                    return;
                }
            } else {
                handleData(buf, start, nl, false);
            }
            start = nl + 1;
        }
        if (!headerDone) {
            throw new RecordingFormatException(displayName + ": no header line (expected columns "
                    + String.join(",", Arrays.copyOf(SAMPLE_COLUMNS, REQUIRED)) + ")");
        }
    }

    private static int lastIndexOf(byte[] b, int from, int to, byte value) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Handles a line before the data; returns true once the header has been read. */
    private boolean handlePreamble(byte[] b, int from, int to) {
        String line = new String(b, from, to - from, StandardCharsets.UTF_8).strip();
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.isEmpty()) {
            return false;
        }
        if (line.startsWith("#")) {
            addMetadata(line);
            return false;
        }
        parseHeader(line);
        return true;
    }

    private void addMetadata(String line) {
        String body = line.substring(1).strip();
        int colon = body.indexOf(':');
        if (colon <= 0) {
            return; // a plain comment
        }
        String key = body.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = body.substring(colon + 1).strip();
        if (!key.matches("[a-z0-9_.-]+")) {
            return; // prose such as "# note: ..." with spaces in the key part is a plain comment
        }
        Map<String, String> m = new LinkedHashMap<>(metadata.entries());
        m.put(key, value);
        metadata = new RecordingMetadata(m);
    }

    private void parseHeader(String line) {
        String[] names = line.split(",", -1);
        header = new ArrayList<>(names.length);
        slotOfColumn = new int[names.length];
        Arrays.fill(slotOfColumn, -1);
        int[] columnOfSlot = new int[SAMPLE_COLUMNS.length + options.extraColumns().size()];
        Arrays.fill(columnOfSlot, -1);
        for (int c = 0; c < names.length; c++) {
            String name = names[c].strip();
            header.add(name);
            String key = name.toLowerCase(Locale.ROOT);
            int slot = -1;
            for (int s = 0; s < SAMPLE_COLUMNS.length; s++) {
                if (SAMPLE_COLUMNS[s].equals(key)) {
                    slot = s;
                }
            }
            for (int e = 0; e < options.extraColumns().size(); e++) {
                if (options.extraColumns().get(e).toLowerCase(Locale.ROOT).equals(key)) {
                    slot = SAMPLE_COLUMNS.length + e;
                }
            }
            if (slot >= 0) {
                if (columnOfSlot[slot] >= 0) {
                    throw new RecordingFormatException(displayName + ":" + lineNo + ": column '" + name
                            + "' appears twice in the header");
                }
                columnOfSlot[slot] = c;
                slotOfColumn[c] = slot;
            }
        }
        List<String> missing = new ArrayList<>();
        int gyroColumns = present(columnOfSlot, 1);
        if (gyroColumns != 0 && gyroColumns != 3) {
            missing.add("gx,gy,gz (all three or none)");
        }
        hasGyro = gyroColumns == 3;
        for (int s = 0; s < REQUIRED; s++) {
            if (columnOfSlot[s] < 0 && !isGyroSlot(s)) {
                missing.add(SAMPLE_COLUMNS[s]);
            }
        }
        for (int e = 0; e < options.extraColumns().size(); e++) {
            if (columnOfSlot[SAMPLE_COLUMNS.length + e] < 0) {
                missing.add(options.extraColumns().get(e));
            }
        }
        int magColumns = present(columnOfSlot, 7);
        if (magColumns != 0 && magColumns != 3) {
            missing.add("mx,my,mz (all three or none)");
        }
        if (!missing.isEmpty()) {
            byte[] raw = line.getBytes(StandardCharsets.UTF_8);
            throw new RecordingFormatException(displayName + ":" + lineNo + ": header lacks column(s) "
                    + String.join(", ", missing) + "; found: '" + Printable.of(raw, 0, raw.length, 60) + "'"
                    + (binary(line) ? FORMAT_ADVICE : ""));
        }
        hasMag = magColumns == 3;
        metadata.rateHz().ifPresent(hz -> nominalPeriodS = 1.0 / hz);
    }

    /** How many of the three slots from {@code first} (an x, y, z triple) have a column. */
    private static int present(int[] columnOfSlot, int first) {
        int n = 0;
        for (int s = first; s < first + 3; s++) {
            n += columnOfSlot[s] >= 0 ? 1 : 0;
        }
        return n;
    }

    private static boolean isGyroSlot(int slot) {
        return slot >= 1 && slot <= 3;
    }

    private void handleData(byte[] b, int from, int to, boolean lastLine) {
        // Blank lines and comments between data lines.
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
            i++;
        }
        if (i == to) {
            return;
        }
        if (b[i] == '#') {
            addMetadata(new String(b, i, to - i, StandardCharsets.UTF_8).strip());
            return;
        }
        dataLines++;
        double[] v = values;
        v[7] = v[8] = v[9] = Double.NaN;
        int column = 0;
        int fieldStart = from;
        int columns = slotOfColumn.length;
        for (int p = from; p <= to; p++) {
            if (p == to || b[p] == ',') {
                if (column < columns) {
                    int slot = slotOfColumn[column];
                    if (slot >= 0) {
                        double x = DecimalParser.parse(b, fieldStart, p);
                        if (DecimalParser.isError(x)) {
                            if (slot >= 7 && slot <= 9 && isBlank(b, fieldStart, p)) {
                                x = Double.NaN; // no magnetometer reading in this sample
                            } else {
                                badLine(b, from, to, "column '" + header.get(column) + "' is not a number: '"
                                        + text(b, fieldStart, p) + "'", lastLine);
                                return;
                            }
                        }
                        v[slot] = x;
                    }
                }
                column++;
                fieldStart = p + 1;
            }
        }
        if (column < columns) {
            badLine(b, from, to, "expected " + columns + " fields, found " + column, lastLine);
            return;
        }
        if (column > columns) {
            badLine(b, from, to, "expected " + columns + " fields, found " + column, lastLine);
            return;
        }
        acceptParsed();
    }

    /**
     * Parses a line of plain decimals ({@code -12.345}, no exponent, no spaces, at most 15 digits) that ends in
     * {@code \n} within {@code b[p, end)} straight into {@link #values}, in one pass. Returns the position after
     * the newline, or -1 when the line is not plain or not complete: the general path then handles it (and
     * reports any problem). Exact: the digits form an integer below 2^53 and one division by an exact power of
     * ten rounds correctly.
     */
    private int fastLine(byte[] b, int p, int end) {
        final int[] slots = slotOfColumn;
        final int columns = slots.length;
        final double[] v = values;
        v[7] = v[8] = v[9] = Double.NaN;
        for (int c = 0; c < columns; c++) {
            int slot = slots[c];
            if (slot < 0) {
                while (p < end && b[p] != ',' && b[p] != '\n') {
                    p++;
                }
            } else {
                if (p >= end) {
                    return -1;
                }
                boolean negative = b[p] == '-';
                if (negative) {
                    p++;
                }
                long m = 0;
                int first = p;
                int d;
                while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
                    m = m * 10 + d;
                    p++;
                }
                int digits = p - first;
                int scale = 0;
                if (p < end && b[p] == '.') {
                    int fracStart = ++p;
                    while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
                        m = m * 10 + d;
                        p++;
                    }
                    scale = p - fracStart;
                    digits += scale;
                }
                if (digits == 0 || digits > 15) {
                    return -1;
                }
                double x = scale == 0 ? m : m / POW10[scale];
                v[slot] = negative ? -x : x;
            }
            if (p >= end) {
                return -1;
            }
            if (c < columns - 1) {
                if (b[p] != ',') {
                    return -1;
                }
                p++;
            } else {
                if (b[p] == '\r') {
                    p++;
                    if (p >= end) {
                        return -1;
                    }
                }
                return b[p] == '\n' ? p + 1 : -1;
            }
        }
        return -1;
    }

    /** The checks and hand-over that follow parsing a data line into {@link #values}. */
    private void acceptParsed() {
        final double[] v = values;
        double t = v[0];
        if (!hasGyro) {
            v[1] = v[2] = v[3] = Double.NaN;
        }
        for (int s = 0; s < REQUIRED; s++) {
            if (!Double.isFinite(v[s]) && (hasGyro || !isGyroSlot(s))) {
                nans++;
                problem("line " + lineNo + ": " + SAMPLE_COLUMNS[s] + " is " + v[s] + "; sample dropped");
                return;
            }
        }
        if (!Double.isNaN(lastT)) {
            double dt = t - lastT;
            if (!(dt > 0)) {
                backward++;
                problem("line " + lineNo + ": time " + t + " s does not advance past " + lastT
                        + " s; sample dropped");
                return;
            }
            updatePeriodEstimate(t);
            if (!Double.isNaN(nominalPeriodS) && Gap.isGap(dt, nominalPeriodS)) {
                gaps++;
                gapSeconds += dt;
                problem("line " + lineNo + ": gap of " + String.format(Locale.ROOT, "%.3f", dt)
                        + " s after t = " + lastT + " s");
                if (out != null) {
                    flush();
                    out.gap(lastT, t, displayName + ":" + lineNo);
                }
            }
        } else {
            firstT = t;
        }
        lastT = t;
        SampleBatch batch = this.batch;
        boolean magOk = hasMag && Double.isFinite(v[7]) && Double.isFinite(v[8]) && Double.isFinite(v[9]);
        batch.add(t, v[1], v[2], v[3], v[4], v[5], v[6],
                magOk ? v[7] : Double.NaN, magOk ? v[8] : Double.NaN, magOk ? v[9] : Double.NaN);
        int row = batch.size() - 1;
        for (int e = 0; e < batch.extra.length; e++) {
            batch.extra[e][row] = v[SAMPLE_COLUMNS.length + e];
        }
        samples++;
        if (batch.isFull() && out != null) {
            flush();
        }
    }

    /** Without a stated rate, the nominal period is the mean step of the first 100 samples. */
    private void updatePeriodEstimate(double t) {
        if (periodEstimateSamples < 100) {
            periodEstimateSamples++;
            if (periodEstimateSamples == 100 && Double.isNaN(nominalPeriodS)) {
                nominalPeriodS = (t - firstT) / 100;
            }
        }
    }

    /** More than a tenth of the characters are control characters or undecodable bytes: not a text file. */
    private static boolean binary(String line) {
        long odd = line.chars().filter(c -> (c < 0x20 && c != '\t') || c == 0x7f || c == 0xFFFD).count();
        return odd * 10 > line.length();
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private void badLine(byte[] b, int from, int to, String why, boolean lastLine) {
        if (lastLine) {
            // No newline after it: the recording was cut short while this line was being written.
            dataLines--;
            lastLineCut = true;
            problem("line " + lineNo + ": the file ends in the middle of this line ('" + text(b, from, to)
                    + "'): a recording cut short; that line is dropped, every line before it was read");
            return;
        }
        String where = displayName + ":" + lineNo;
        if (!options.skipBadLines()) {
            throw new RecordingFormatException(where + ": " + why + " in line '" + text(b, from, to)
                    + "'" + SKIP_BAD_LINES_ADVICE);
        }
        badLines++;
        problem("line " + lineNo + ": " + why + "; line skipped");
    }

    private void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(displayName + ": " + message);
        }
    }

    private static String text(byte[] b, int from, int to) {
        return Printable.of(b, from, to, 120);
    }

    /** Hands the batch over (if it holds anything) and goes on with an empty one. */
    private void flush() {
        if (out != null && !batch.isEmpty()) {
            batch = out.hand(batch);
        }
    }

    /** For callers that report where a sample came from. */
    public Path file() {
        return file;
    }
}
