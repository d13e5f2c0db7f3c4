package io.strata.gateway.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports free on the loopback interface right now, for services whose port must be known before
 * they bind (a KRaft controller's address is part of its configuration).
 */
public final class FreePorts {

	private FreePorts() {
	}

	/** {@code count} distinct ports: all are held open together, then released. */
	public static int[] pick(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				sockets.add(socket);
				ports[i] = socket.getLocalPort();
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// a socket that will not close keeps its port, which only this test would miss
				}
			}
		}
	}

}
