package io.growthwatch.core.instrument;

import io.growthwatch.bootstrap.AgentSwitch;
import io.growthwatch.bootstrap.AllocSite;
import io.growthwatch.bootstrap.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rewrites {@code fixture.Sample}, loads it in a class loader of its own and runs it. */
class SiteRewriterTest {

    private static Object result;

    @BeforeAll
    static void rewriteAndRun() throws Exception {
        byte[] original;
        try (InputStream in = SiteRewriterTest.class.getResourceAsStream("/fixture/Sample.class")) {
            original = in.readAllBytes();
        }
        ClassLoader parent = SiteRewriterTest.class.getClassLoader();
        MapInstrumentation instrumentation = new MapInstrumentation(new PackageFilter(List.of("fixture"), List.of()));
        ClassLoader isolated = new ClassLoader("isolated", parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith("fixture.")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded != null) {
                        return loaded;
                    }
                    try (InputStream in = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        byte[] rewritten = instrumentation.transform(this, name.replace('.', '/'), null, null, bytes);
                        byte[] code = rewritten == null ? bytes : rewritten;
                        return defineClass(name, code, 0, code.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
            }
        };
        assertThat(instrumentation.rewrite(isolated, "fixture/Sample", original)).isNotNull();
        AgentSwitch.enable();
        Class<?> sample = isolated.loadClass("fixture.Sample");
        result = sample.getMethod("run").invoke(sample.getConstructor().newInstance());
        assertThat(instrumentation.failedCount()).isZero();
    }

    private static AllocSite site(String location) {
        return Arrays.stream(Registry.allocSites()).filter(s -> s.location().toString().equals(location))
                .findFirst().orElseThrow(() -> new AssertionError("no site " + location + " in "
                        + Arrays.toString(Arrays.stream(Registry.allocSites()).map(s -> s.location().toString()).toArray())));
    }

    @Test
    void rewrittenCodeBehavesAsTheOriginal() {
        assertThat(result).isEqualTo(1 + 1 + 1);
    }

    @Test
    void fieldInitializerSiteIsNamedLikeAStackTraceElementWithItsField() {
        AllocSite site = site("fixture.Sample.<init>(Sample.java:11)");
        assertThat(site.field()).isEqualTo("fixture.Sample.byName");
        assertThat(site.type()).isEqualTo("java.util.HashMap");
    }

    @Test
    void staticFieldSiteIsInTheStaticInitializer() {
        AllocSite site = site("fixture.Sample.<clinit>(Sample.java:12)");
        assertThat(site.field()).isEqualTo("fixture.Sample.REGISTRY");
        assertThat(site.type()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
    }

    @Test
    void anonymousSubclassIsASiteWithItsRuntimeType() {
        AllocSite site = site("fixture.Sample.<init>(Sample.java:13)");
        assertThat(site.type()).isEqualTo("fixture.Sample$1");
        assertThat(site.field()).isEqualTo("fixture.Sample.anonymous");
    }

    @Test
    void localMapHasNoField() {
        assertThat(site("fixture.Sample.run(Sample.java:20)").field()).isNull();
    }

    @Test
    void allocationInsideALambdaBodyIsASite() {
        assertThat(site("fixture.Sample.lambda$run$0(Sample.java:23)").allocations()).isEqualTo(1);
    }

    @Test
    void everyMutationCallIsACallSiteNamedByItsLineAndOperation() {
        assertThat(Arrays.stream(Registry.callSites()).filter(c -> c.location().className().equals("fixture.Sample"))
                .map(c -> c.location() + " " + c.operation()))
                .containsExactlyInAnyOrder("fixture.Sample.run(Sample.java:21) put",
                        "fixture.Sample.run(Sample.java:22) put", "fixture.Sample.run(Sample.java:23) computeIfAbsent",
                        "fixture.Sample.run(Sample.java:24) merge", "fixture.Sample.run(Sample.java:25) remove",
                        "fixture.Sample.run(Sample.java:26) clear");
    }

    @Test
    void callSitesReadingAMapFieldNameIt() {
        assertThat(Arrays.stream(Registry.callSites()).filter(c -> c.location().toString().equals("fixture.Sample.run(Sample.java:22)"))
                .map(c -> c.receiverField())).containsExactly("fixture.Sample.byName");
    }
}
