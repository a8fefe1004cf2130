package io.midback.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import io.midback.report.ChartStyle;

import javax.swing.UIManager;
import java.awt.Color;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** FlatLaf light and dark, and whether the desktop prefers dark (where that can be detected). */
final class Theme {
    private Theme() {
    }

    /** Installs the look and feel (event thread, or before any window exists). */
    static void install(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    /** Switches a running window's look and feel (event thread). */
    static void switchTo(boolean dark) {
        install(dark);
        FlatLaf.updateUI();
    }

    /** The charts' colours for the installed look and feel (its panel, text and text-field colours). */
    static ChartStyle chartStyle() {
        Color bg = UIManager.getColor("Panel.background");
        Color fg = UIManager.getColor("Label.foreground");
        Color plot = UIManager.getColor("TextField.background");
        return bg == null || fg == null || plot == null ? ChartStyle.LIGHT : ChartStyle.of(bg, fg, plot);
    }

    /**
     * Text that says something is wrong or hurts: a red readable on the theme's panels (at least 4.5:1; #c0392b
     * on the dark theme's #3c3f41 was 1.9:1).
     */
    static Color errorText() {
        return isDark() ? new Color(0xFF9A8F) : new Color(0xC0392B);
    }

    /** A notice's background: pale red for a problem, pale blue otherwise; deep tints of them in the dark theme. */
    static Color noticeBackground(boolean problem) {
        if (isDark()) {
            return problem ? new Color(0x4B2D2D) : new Color(0x263648);
        }
        return problem ? new Color(0xFDEDEC) : new Color(0xEAF2FB);
    }

    static boolean isDark() {
        return FlatLaf.isLafDark();
    }

    /**
     * Whether the desktop asks for dark: GTK_THEME ending in ":dark", GNOME's color-scheme, or macOS's
     * AppleInterfaceStyle. Runs a process: call it off the event thread. False when it cannot tell.
     */
    static boolean systemPrefersDark() {
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] cmd = os.contains("mac") ? new String[] {"defaults", "read", "-g", "AppleInterfaceStyle"}
                : os.contains("linux") ? new String[] {"gsettings", "get", "org.gnome.desktop.interface", "color-scheme"}
                : null;
        if (cmd == null) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return out.toLowerCase(Locale.ROOT).contains("dark");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
