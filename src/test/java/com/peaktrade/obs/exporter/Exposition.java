package com.peaktrade.obs.exporter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A parsed text-format (0.0.4 or OpenMetrics) exposition, for assertions. Test helper. */
record Exposition(String body, String contentType, Map<String, String> help, Map<String, String> type,
        List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {
        String label(String name) {
            return labels.get(name);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** GETs {@code uri} (with an Accept header when not null) and parses the body; fails unless HTTP 200. */
    static Exposition scrape(URI uri, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " from " + uri + ": " + response.body());
        }
        return parse(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    static Exposition parse(String body, String contentType) {
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, String> type = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                putOnce(help, parts[0], parts.length > 1 ? parts[1] : "", line);
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                putOnce(type, parts[0], parts[1], line);
            } else if (!line.startsWith("#") && !line.isEmpty()) {
                samples.add(sample(line));
            }
        }
        return new Exposition(body, contentType, help, type, samples);
    }

    List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).collect(Collectors.toList());
    }

    /** The value of the one sample with this name and these label values (others ignored). */
    double value(String name, String... labelPairs) {
        List<Sample> matching = samples(name).stream().filter(s -> {
            for (int i = 0; i < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(s.label(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        }).collect(Collectors.toList());
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " samples of " + name + " " + List.of(labelPairs));
        }
        return matching.get(0).value();
    }

    Optional<Sample> find(String name, Map<String, String> labels) {
        return samples(name).stream().filter(s -> s.labels().equals(labels)).findFirst();
    }

    private static void putOnce(Map<String, String> map, String key, String value, String line) {
        if (map.put(key, value) != null) {
            throw new AssertionError("repeated: " + line);
        }
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq);
                StringBuilder value = new StringBuilder();
                int j = eq + 2; // skip ="
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 2;
        } else {
            name = line.substring(0, space);
            rest = space + 1;
        }
        String valueText = line.substring(rest).split(" ")[0];
        return new Sample(name, labels, parseValue(valueText));
    }

    private static double parseValue(String text) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(text);
        }
    }
}
