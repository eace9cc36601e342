using System.Text.Json.Serialization;

namespace OrleansNetOps.Silo.Events;

/// <summary>The first event of every live-feed connection.</summary>
/// <param name="Resumed">False when the <c>Last-Event-ID</c> could not be continued: the watcher should reload its state.</param>
/// <param name="Replayed">Events replayed after the <c>Last-Event-ID</c>.</param>
/// <param name="Window">Events this silo keeps for resumption.</param>
public sealed record ReadyNotice(bool Resumed, int Replayed, int Window);

/// <summary>Source-generated JSON for <see cref="ReadyNotice"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReadyNotice))]
internal sealed partial class ReadyNoticeJson : JsonSerializerContext;
