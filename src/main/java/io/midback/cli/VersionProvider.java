package io.midback.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = MidbackCommand.class.getPackage().getImplementationVersion();
        return new String[] {"midback " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version")};
    }
}
