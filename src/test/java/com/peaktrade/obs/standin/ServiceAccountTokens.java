package com.peaktrade.obs.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Test helper: creates a service account and a token through Grafana's own endpoints (grafana-facts
 * G14), as an admin would, so tests hold a real {@code glsa_…} key of a given role. Works against the
 * stand-in and real Grafana alike (plain http on loopback).
 */
public final class ServiceAccountTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String basic;

    public ServiceAccountTokens(URI base, String adminUser, String adminPassword) {
        this.base = base;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The account's JSON (201), then a token of it: the {@code glsa_…} key (200). */
    public String token(String name, String role, long secondsToLive) throws IOException, InterruptedException {
        JsonNode account = post("/api/serviceaccounts", "{\"name\":\"" + name + "\",\"role\":\"" + role
                + "\",\"isDisabled\":false}", 201);
        JsonNode token = post("/api/serviceaccounts/" + account.path("id").asLong() + "/tokens",
                "{\"name\":\"" + name + "\",\"secondsToLive\":" + secondsToLive + "}", 200);
        return token.path("key").asText();
    }

    /** POST and the JSON answer; another status than {@code expected} fails the test with the body. */
    public JsonNode post(String path, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new AssertionError("POST " + path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
