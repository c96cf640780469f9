package com.peaktrade.obs.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.http.Json;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place docker-java is called through. The engine's ordinary answers — 404, 409, 304 —
 * come back typed (a {@link Reply}, an empty Optional) for the caller to judge, as testcontainers'
 * ResourceReaper treats "not found" as done. Every other failure — an error status, a client-side
 * error, a connection that broke — becomes one {@link EnvironmentException} (exit 3) naming what
 * was being done to which resource, on which engine: never a raw docker-java exception that the
 * CLI would have to call a bug.
 */
final class EngineCalls {
    /** How the engine answered: done, or one of the answers the caller decides about. */
    enum Answer { DONE, NOT_FOUND, CONFLICT, NOT_MODIFIED }

    /** The answer, the value when DONE, else the engine's refusal. */
    record Reply<T>(T value, Answer answer, DockerException refusal) {
        boolean done() {
            return answer == Answer.DONE;
        }

        /** The engine's own words for a refusal, "" when done. */
        String said() {
            return refusal == null ? "" : engineMessage(refusal);
        }
    }

    private final Supplier<DockerClient> docker;
    private final Supplier<DockerHttpClient> http;
    private final String engine;
    private final Function<Throwable, Optional<EnvironmentException>> transport;

    /**
     * @param docker    docker-java's client, made when a call first needs it
     * @param http        its transport, for the answers read as JSON trees ({@link #findJson})
     * @param engine    the engine in words, e.g. "the Docker engine at tcp://10.0.0.5:2376 (DOCKER_HOST)"
     * @param transport explains a failure in the transport's own terms (what ssh said, a certificate),
     *                  or empty
     */
    EngineCalls(Supplier<DockerClient> docker, Supplier<DockerHttpClient> http, String engine,
            Function<Throwable, Optional<EnvironmentException>> transport) {
        this.docker = docker;
        this.http = http;
        this.engine = engine;
        this.transport = transport;
    }

    /** For a client made elsewhere (tests): the engine is named generically. */
    static EngineCalls of(DockerClient docker) {
        return new EngineCalls(() -> docker, () -> transportOf(docker), "the Docker engine", failure -> Optional.empty());
    }

    private static DockerHttpClient transportOf(DockerClient docker) {
        if (!(docker instanceof DockerClientImpl impl)) {
            throw new IllegalArgumentException("needs docker-java's DockerClientImpl (its transport), got " + docker.getClass());
        }
        return impl.getHttpClient();
    }

    /** The engine in words, for messages that are not about one call. */
    String engine() {
        return engine;
    }

    /** A call: 404, 409 and 304 are answers for the caller; every other failure is the environment's. */
    <T> Reply<T> ask(String what, Function<DockerClient, T> call) {
        return attempt(what, () -> call.apply(docker.get()));
    }

    private <T> Reply<T> attempt(String what, Supplier<T> call) {
        try {
            return new Reply<>(call.get(), Answer.DONE, null);
        } catch (NotFoundException e) {
            return new Reply<>(null, Answer.NOT_FOUND, e);
        } catch (ConflictException e) {
            return new Reply<>(null, Answer.CONFLICT, e);
        } catch (NotModifiedException e) {
            return new Reply<>(null, Answer.NOT_MODIFIED, e);
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    /** A change without a value: 404, 409 and 304 are answers for the caller. */
    Reply<Void> change(String what, Consumer<DockerClient> call) {
        return ask(what, docker -> {
            call.accept(docker);
            return null;
        });
    }

    /** A call whose every failure, "not found" included, is the environment's. */
    <T> T get(String what, Function<DockerClient, T> call) {
        Reply<T> reply = ask(what, call);
        if (!reply.done()) {
            throw failure(what, reply.refusal());
        }
        return reply.value();
    }

    /** A call without a value; every failure is the environment's. */
    void run(String what, Consumer<DockerClient> call) {
        get(what, docker -> {
            call.accept(docker);
            return null;
        });
    }

    /** A lookup: "not found" is empty; every other failure is the environment's. */
    <T> Optional<T> find(String what, Function<DockerClient, T> call) {
        Reply<T> reply = ask(what, call);
        if (reply.answer() == Answer.NOT_FOUND) {
            return Optional.empty();
        }
        if (!reply.done()) {
            throw failure(what, reply.refusal());
        }
        return Optional.ofNullable(reply.value());
    }

    /**
     * A GET whose answer is read as a JSON tree, not onto docker-java's model: building the model's
     * deserializers (and docker-java's client) costs a short command more than the whole call, for
     * the few fields we read. "Not found" is empty; every other failure is the environment's, as
     * for the model's calls.
     */
    Optional<JsonNode> findJson(String what, String pathAndQuery) {
        Reply<JsonNode> reply = attempt(what, () -> readJson(pathAndQuery));
        if (reply.answer() == Answer.NOT_FOUND) {
            return Optional.empty();
        }
        if (!reply.done()) {
            throw failure(what, reply.refusal());
        }
        return Optional.of(reply.value());
    }

    /** {@link #findJson}, where "not found" is a failure too. */
    JsonNode getJson(String what, String pathAndQuery) {
        return findJson(what, pathAndQuery).orElseThrow(() -> failure(what, new NotFoundException("not found: " + pathAndQuery)));
    }

    private JsonNode readJson(String pathAndQuery) {
        return readJson(http.get(), pathAndQuery);
    }

    /** The GET itself, its failures untranslated: docker-java's exceptions for an error status, as its own calls throw. */
    static JsonNode readJson(DockerHttpClient http, String pathAndQuery) {
        return exchange(http, DockerHttpClient.Request.Method.GET, pathAndQuery, null);
    }

    /**
     * A POST of a JSON body (none when null) over docker-java's transport, without its client: up's
     * calls on the way to the first container start, where making the client and its command
     * classes cost more than the calls themselves. 404, 409 and 304 are answers for the caller; the
     * value is the answer's JSON (an empty object when the engine sends none).
     */
    Reply<JsonNode> postJson(String what, String pathAndQuery, byte[] body) {
        return attempt(what, () -> exchange(http.get(), DockerHttpClient.Request.Method.POST, pathAndQuery, body));
    }

    /** One request; an error status is docker-java's exception for it, typed as its own calls throw them. */
    private static JsonNode exchange(DockerHttpClient http, DockerHttpClient.Request.Method method, String pathAndQuery,
            byte[] body) {
        var request = DockerHttpClient.Request.builder().method(method).path(pathAndQuery);
        if (body != null) {
            request.putHeader("content-type", "application/json").bodyBytes(body);
        }
        try (DockerHttpClient.Response response = http.execute(request.build()); InputStream answer = response.getBody()) {
            int status = response.getStatusCode();
            byte[] bytes = answer == null ? new byte[0] : answer.readAllBytes();
            if (status / 100 == 2) {
                return bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
            }
            // an error answer is the engine's JSON {"message": …}, or a proxy's page in front of it
            String said = messageOf(new String(bytes, StandardCharsets.UTF_8));
            throw switch (status) {
                case 304 -> new NotModifiedException(said);
                case 404 -> new NotFoundException(said);
                case 409 -> new ConflictException(said);
                default -> new DockerException(said, status);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messageOf(String answer) {
        try {
            String message = Json.text(Json.MAPPER.readTree(answer), "message", null);
            if (message != null) {
                return message;
            }
        } catch (IOException notJson) {
            // said in words
        }
        String firstLine = answer.strip().lines().findFirst().orElse("");
        return firstLine.isEmpty() ? "(no message)" : firstLine;
    }

    /**
     * The translation itself, also for failures that surface outside a call (a stream's callback).
     * Our own exceptions pass unchanged; a failure that is neither the engine's nor the
     * connection's is a bug and stays what it is.
     */
    RuntimeException failure(String what, RuntimeException e) {
        if (e instanceof ObsException) {
            return e;
        }
        if (e instanceof DockerException docker) {
            int status = docker.getHttpStatus();
            return new EnvironmentException(what + " failed on " + engine + ": " + engineMessage(docker)
                    + " (HTTP " + status + ")", hintFor(status), e);
        }
        if (e instanceof DockerClientException) {
            return new EnvironmentException(what + " failed on " + engine + ": " + e.getMessage(),
                    "check the engine's state with `docker version` and `docker info`, then rerun", e);
        }
        if (causedByIo(e)) {
            Optional<EnvironmentException> explained = transport.apply(e);
            if (explained.isPresent()) {
                return new EnvironmentException(what + ": " + explained.get().getMessage(), explained.get().hint(), e);
            }
            return new EnvironmentException("lost the connection to " + engine + " during " + what + ": "
                    + DockerEngine.rootMessage(e),
                    "check that the engine runs and is reachable (`docker version` against the same engine), then rerun: "
                            + "`up` converges from where it stopped, `down` removes what carries the project's label", e);
        }
        return e;
    }

    private static String hintFor(int status) {
        if (status == 401 || status == 403) {
            return "the engine refused the request: check your access to it (an authorization plugin, a rootless engine)";
        }
        if (status >= 500) {
            return "the engine reported an error of its own: its log says more (e.g. `journalctl -u docker`); "
                    + "fix that, then rerun";
        }
        return "the engine refused the request; rerun with --debug for the full request and answer";
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The "message" of the engine's JSON answer ("Status 500: {"message":"…"}"), else the text as given. */
    static String engineMessage(DockerException e) {
        String text = String.valueOf(e.getMessage()).strip();
        String body = text.replaceFirst("^Status \\d+: ", "");
        if (body.startsWith("{")) {
            try {
                JsonNode tree = Json.MAPPER.readTree(body);
                String message = Json.text(tree, "message", null);
                if (message != null) {
                    return message.strip();
                }
            } catch (IOException notJson) {
                // shown as given
            }
        }
        return body.isEmpty() ? "(no message)" : body.lines().findFirst().orElse(body);
    }
}
