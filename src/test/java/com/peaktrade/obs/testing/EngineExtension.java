package com.peaktrade.obs.testing;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Integration-test harness: gives each test class a {@link TestEngine} (docker-java client on the
 * real engine, a unique compose project name, free ports) and removes everything carrying that
 * project's label afterwards, also when tests fail. With CI=true and no engine the class FAILS;
 * elsewhere it is skipped with the reason.
 */
public final class EngineExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EngineExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String why = TestEngine.unreachableReason();
        if (why != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no Docker engine answers: " + why
                        + " (run scripts/testbed.sh --engine, or set DOCKER_HOST)");
            }
            Assumptions.abort("no Docker engine answers, integration test skipped: " + why);
        }
        announcePrometheus(context);
        String project = "ptobs-it-" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "") + "-" + Long.toString(System.nanoTime() % 46656, 36);
        context.getStore(NS).put(TestEngine.class, new TestEngine(project));
    }

    /**
     * Prometheus-facing suites (tag {@value #PROMETHEUS_TAG}) run once per testbed Prometheus image (a
     * second Failsafe execution sets PEAKTRADE_OBS_PROMETHEUS_IMAGE); the CI log names the version each ran against.
     */
    public static final String PROMETHEUS_TAG = "prometheus";
    private static final java.util.Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void announcePrometheus(ExtensionContext context) {
        if (!context.getTags().contains(PROMETHEUS_TAG)) {
            return;
        }
        String image = TestEngine.prometheusImage();
        if (ANNOUNCED.add(image)) {
            System.out.println("[it] Prometheus-facing suites run against " + image + " (Prometheus "
                    + TestEngine.prometheusVersion(image) + ")");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestEngine engine = context.getStore(NS).remove(TestEngine.class, TestEngine.class);
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext classContext = extensionContext;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        TestEngine engine = classContext.getStore(NS).get(TestEngine.class, TestEngine.class);
        if (engine == null) {
            throw new IllegalStateException("EngineExtension must be registered on the class (@ExtendWith)");
        }
        return engine;
    }
}
