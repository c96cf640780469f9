package com.peaktrade.obs.docker;

import com.peaktrade.obs.error.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine reached over ssh ({@code ssh://[user@]host[:port]}), and the command that reaches it:
 * the system's ssh running {@code docker system dial-stdio} on the remote, as the docker CLI does.
 * Everything else (keys, agent, known hosts, jump hosts) comes from the user's ssh config;
 * {@code extraOptions} are added before the host (PEAKTRADE_OBS_SSH_OPTS, e.g. {@code -F FILE}).
 */
public record SshTarget(String user, String host, int port) {
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    public static SshTarget parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        if (!"ssh".equals(uri.getScheme()) || uri.getHost() == null) {
            throw invalid(url, "expected ssh://[user@]host[:port]");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw invalid(url, "a path is not supported (the remote's docker CLI chooses its engine)");
        }
        return new SshTarget(uri.getUserInfo(), uri.getHost(), uri.getPort());
    }

    private static ConfigException invalid(String url, String why) {
        return new ConfigException("Docker host " + url + " is not a valid ssh address: " + why,
                "write it as ssh://user@host or ssh://user@host:port");
    }

    /** The ssh command line; {@code batchMode} when nobody could answer a prompt. */
    public List<String> command(List<String> extraOptions, boolean batchMode) {
        List<String> command = base(extraOptions, batchMode);
        command.addAll(List.of("--", host, "docker", "system", "dial-stdio"));
        return command;
    }

    /**
     * ssh forwarding 127.0.0.1:{@code localPort} here to {@code address}:{@code port} as the remote
     * sees it (its loopback stays private and still works), running nothing else; it exits when
     * the forward cannot be set up.
     */
    public List<String> forward(List<String> extraOptions, boolean batchMode, int localPort, String address, int port) {
        List<String> command = base(extraOptions, batchMode);
        command.addAll(List.of("-o", "ExitOnForwardFailure=yes", "-N", "-L", "127.0.0.1:" + localPort + ":" + address + ":" + port,
                "--", host));
        return command;
    }

    private List<String> base(List<String> extraOptions, boolean batchMode) {
        List<String> command = new ArrayList<>(List.of("ssh", "-T", "-o", "ConnectTimeout=" + CONNECT_TIMEOUT_SECONDS));
        if (batchMode) {
            command.addAll(List.of("-o", "BatchMode=yes"));
        }
        if (port > 0) {
            command.addAll(List.of("-p", Integer.toString(port)));
        }
        if (user != null && !user.isEmpty()) {
            command.addAll(List.of("-l", user));
        }
        command.addAll(extraOptions);
        return command;
    }

    /** "root@box:2222", as the user wrote it. */
    public String describe() {
        return (user == null ? "" : user + "@") + host + (port > 0 ? ":" + port : "");
    }
}
