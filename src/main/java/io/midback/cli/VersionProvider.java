package io.midback.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"midback " + io.midback.app.BesideProgram.version(),
                "Java " + System.getProperty("java.version")};
    }
}
