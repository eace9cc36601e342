using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansNetOps.Runtime;

/// <summary>The runtime builder handed out by <see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>.</summary>
internal sealed class GrainRuntimeBuilder(IServiceCollection services, GrainRegistrations registrations) : IGrainRuntimeBuilder
{
    public IServiceCollection Services => services;

    public IGrainRuntimeBuilder AddGrains(Assembly assembly)
    {
        registrations.AddAssembly(assembly);
        return this;
    }
}
