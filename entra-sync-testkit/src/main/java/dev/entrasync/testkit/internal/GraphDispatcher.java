package dev.entrasync.testkit.internal;

import dev.entrasync.testkit.RecordedCall;

/** The simulated Graph server. Called by MockWebServer on its threads. */
public final class GraphDispatcher extends SimServer {
    private final GraphPipeline pipeline;

    public GraphDispatcher(CloudState cloud) {
        super(cloud, RecordedCall.Server.GRAPH);
        this.pipeline = new GraphPipeline(cloud);
    }

    @Override
    protected Handled handle(SimRequest request) {
        return pipeline.handle(request);
    }
}
