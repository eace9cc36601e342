using System.Diagnostics.Metrics;
using OrleansNetOps.Silo.Telemetry;

namespace OrleansNetOps.Silo.Observability;

/// <summary>The silo process's own meter and its observable instruments, alive as long as the host.</summary>
internal sealed class SiloMeter
{
    public SiloMeter(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(SiloMetrics.SiloMeterName);
        CollectorsMetrics.Register(meter, services);
        meter.CreateObservableGauge("process.uptime", () => ProcessClock.Uptime.TotalSeconds, "s", "How long the process has run.");
    }
}
