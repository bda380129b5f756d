package dev.entrasync.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelayServerSocketsTest {

    @Test
    void acceptedConnectionsSendAtOnce() throws Exception {
        try (ServerSocket server =
                        new NoDelayServerSockets().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {

            assertThat(accepted.getTcpNoDelay()).isTrue();
            assertThat(client.isConnected()).isTrue();
        }
    }
}
