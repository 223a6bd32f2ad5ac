package io.growthwatch.e2e.compat;

import com.google.gson.JsonObject;
import io.growthwatch.e2e.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC's own bounded caches under a load that creates a new view name per request, as Spring
 * PetClinic's "create owner" does ({@code redirect:/owners/17}): the Spring Boot app of
 * {@link SpringBootAppTest}, with the agent watching Spring MVC's servlet packages besides the app's
 * own, takes 1,500 POSTs over HTTP. {@code AbstractCachingViewResolver} keeps every resolved view in
 * a {@code LinkedHashMap} that evicts its eldest entry beyond 1,024 and in a {@code ConcurrentHashMap}
 * index kept in step with it: both grow like a leak while they fill, and neither is one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringViewCachesTest {

    static final String VIEW_CACHES = "org.springframework.web.servlet.view.AbstractCachingViewResolver.<init>(";
    static final int OWNERS_CREATED = 1_500;

    ForkedJvm run;
    int redirects;

    @BeforeAll
    void createOwnersOverHttp() throws Exception {
        SpringBootAppTest.Started started = SpringBootAppTest.start(
                "packages=com.acme.compat.boot:org.springframework.web.servlet,interval=500ms,minGrowth=300,report=$REPORT",
                "--leak.keys-per-tick=2");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest create = HttpRequest.newBuilder(started.base().resolve("/owners"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < OWNERS_CREATED; i++) {
            if (client.send(create, HttpResponse.BodyHandlers.discarding()).statusCode() == 302) {
                redirects++;
            }
            TimeUnit.MILLISECONDS.sleep(8);
        }
        TimeUnit.SECONDS.sleep(6); // the detection window (20 × 500 ms) after the caches are full
        run = started.app().stop();
    }

    @Test
    void everyOwnerIsCreatedAndRedirectedToItsOwnPage() {
        assertThat(redirects).as(run.toString()).isEqualTo(OWNERS_CREATED);
    }

    @Test
    void theViewCachesAreFollowedAndFillToTheirBound() throws Exception {
        List<JsonObject> caches = run.lastSummarySites().stream()
                .filter(site -> site.get("site").getAsString().startsWith(VIEW_CACHES)).toList();
        assertThat(caches).as(run.toString()).hasSize(2)
                .allSatisfy(site -> assertThat(site.get("entries").getAsLong()).isBetween(1_000L, 1_024L));
    }

    @Test
    void cachesThatEvictThemselvesAndTheirIndexAreNotReportedWhileTheyFill() throws Exception {
        assertThat(run.events("leak-suspect")).as(run.toString())
                .noneSatisfy(alert -> assertThat(alert.get("site").getAsString()).startsWith(VIEW_CACHES));
        assertThat(run.stderr).doesNotContain("WARN  leak-suspect: this map keeps growing and removes do not keep pace with inserts site=\"" + VIEW_CACHES);
    }

    @Test
    void theApplicationsOwnLeakIsReportedBesideThem() throws Exception {
        assertThat(run.events("leak-suspect")).as(run.toString())
                .anySatisfy(alert -> assertThat(String.valueOf(alert.get("field"))).isEqualTo("\"com.acme.compat.boot.VisitorRegistry.visitors\""));
    }
}
