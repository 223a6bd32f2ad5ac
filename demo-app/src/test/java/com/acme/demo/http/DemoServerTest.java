package com.acme.demo.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.demo.Mode;
import com.acme.demo.session.Tracker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoServerTest {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    private DemoServer server;

    @BeforeEach
    void start() throws IOException {
        server = DemoServer.start(0, new Tracker(), Mode.LEAKY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(5))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsAnEphemeralLoopbackPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void visitAnswers200AndCountsHits() throws Exception {
        get("/visit?client=alice");
        HttpResponse<String> response = get("/visit?client=alice");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("ok client=alice hits=2 ");
    }

    @Test
    void visitWithoutClientAnswers400() throws Exception {
        assertThat(get("/visit").statusCode()).isEqualTo(400);
        assertThat(get("/visit?other=1").statusCode()).isEqualTo(400);
    }

    @Test
    void statsReportsRequestsSessionsAndCache() throws Exception {
        get("/visit?client=a");
        get("/visit?client=b");
        get("/visit?client=a");

        HttpResponse<String> response = get("/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().trim()).isEqualTo(
                "{\"requests\":3,\"trackedSessions\":2,\"cacheSize\":2,\"mode\":\"leaky\"}");
    }
}
