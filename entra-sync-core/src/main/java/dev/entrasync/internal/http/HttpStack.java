package dev.entrasync.internal.http;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.kiota.http.middleware.RedirectHandler;
import com.microsoft.kiota.http.middleware.RetryHandler;
import dev.entrasync.HttpSettings;
import java.util.Arrays;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * One OkHttp client (pool, dispatcher, proxy, TLS) and two views of it: the plain client used for
 * MSAL4J's token requests, and the Graph client carrying the Graph SDK's middleware chain without
 * its {@link RetryHandler} (entra-sync's own retry policy owns retry, so the two never multiply) and without its
 * {@link RedirectHandler}: Graph requests follow no redirect, so neither the bearer token nor a page
 * from another origin can come in through one (the SDK's handler compares host and scheme, not port).
 */
public final class HttpStack implements AutoCloseable {

    private final OkHttpClient base;
    private final OkHttpClient graph;

    public HttpStack(HttpSettings settings) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 5, java.util.concurrent.TimeUnit.MINUTES))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        settings.proxy().ifPresent(builder::proxy);
        if (settings.sslSocketFactory().isPresent()) {
            builder.sslSocketFactory(
                    settings.sslSocketFactory().get(), settings.trustManager().orElseThrow());
        }
        this.base = builder.build();
        OkHttpClient.Builder graphBuilder =
                base.newBuilder().followRedirects(false).followSslRedirects(false);
        Arrays.stream(GraphClientFactory.createDefaultGraphInterceptors(new com.microsoft.kiota.RequestOption[0]))
                .filter(i -> !(i instanceof RetryHandler) && !(i instanceof RedirectHandler))
                .forEach(graphBuilder::addInterceptor);
        this.graph = graphBuilder.build();
    }

    /** The client for token requests (no Graph middleware). */
    public OkHttpClient tokenClient() {
        return base;
    }

    /** The client for Graph requests: the Graph SDK's middleware chain, minus its retry and redirect handlers. */
    public OkHttpClient graphClient() {
        return graph;
    }

    /** The interceptors on the Graph client, for tests. */
    public java.util.List<Interceptor> graphInterceptors() {
        return graph.interceptors();
    }

    @Override
    public void close() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }
}
