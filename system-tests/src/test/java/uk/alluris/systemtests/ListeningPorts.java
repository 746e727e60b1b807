package uk.alluris.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the JVMs the system tests launch. A port from {@code new ServerSocket(0)} lies in the kernel's ephemeral
 * range (32768–60999 here), where the platform's own outgoing connections (Kafka, MongoDB, HTTP clients) take local
 * ports too: one of them can take a port between choosing it and the launched service binding it, and the service
 * then fails to start (seen in CI). These ports come from below that range, are free when handed out, and are never
 * handed out twice in one test JVM.
 */
final class ListeningPorts {

    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private ListeningPorts() {
    }

    static synchronized int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.contains(port) && free(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
