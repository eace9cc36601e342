namespace OrleansNetOps.Telemetry.Flows;

/// <summary>What a <see cref="FlowDecoder"/> has seen, so nothing is dropped without a count.</summary>
public sealed class FlowDecoderStatistics
{
    /// <summary>Datagrams offered.</summary>
    public long Datagrams { get; internal set; }

    /// <summary>Datagrams (partly) rejected as malformed.</summary>
    public long Malformed { get; internal set; }

    /// <summary>Data records decoded (including those decoded late from held sets).</summary>
    public long Records { get; internal set; }

    /// <summary>Options records decoded.</summary>
    public long OptionsRecords { get; internal set; }

    /// <summary>Templates and options templates learned or refreshed.</summary>
    public long TemplatesLearned { get; internal set; }

    /// <summary>Templates withdrawn by the exporter.</summary>
    public long TemplatesWithdrawn { get; internal set; }

    /// <summary>Templates forgotten because they were not refreshed in time.</summary>
    public long TemplatesExpired { get; internal set; }

    /// <summary>Data sets held because their template was unknown.</summary>
    public long PendingHeld { get; internal set; }

    /// <summary>Held data sets decoded once their template arrived.</summary>
    public long PendingDecoded { get; internal set; }

    /// <summary>Held data sets dropped because the hold queue was full.</summary>
    public long PendingDropped { get; internal set; }

    /// <summary>Held data sets dropped because their template never arrived.</summary>
    public long PendingExpired { get; internal set; }

    /// <summary>Sets with reserved ids that were skipped.</summary>
    public long SkippedSets { get; internal set; }
}
