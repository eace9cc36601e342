using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansNetOps.Runtime;

/// <summary>Configures the grain runtime's grains and providers.</summary>
public interface IGrainRuntimeBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Registers every grain class in an assembly.</summary>
    IGrainRuntimeBuilder AddGrains(Assembly assembly);
}
