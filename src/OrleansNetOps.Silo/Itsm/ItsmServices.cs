using OrleansNetOps.Grains.Itsm;
using OrleansNetOps.Itsm.Jira;
using OrleansNetOps.Itsm.ServiceNow;
using OrleansNetOps.Itsm.Tickets;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Itsm;

/// <summary>Wires the configured ticketing systems for the ITSM outbox grain.</summary>
internal static class ItsmServices
{
    public static IServiceCollection AddItsm(this IServiceCollection services, SiloConfig config)
    {
        var itsm = config.Itsm;
        if (!itsm.Enabled)
        {
            return services;
        }

        services.AddSingleton(_ =>
        {
            // One client for the silo's life: its pooled connections are recycled so DNS changes are seen.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
            var systems = new List<ITicketSystem>();
            if (itsm.ServiceNow is { } serviceNow)
            {
                systems.Add(new ServiceNowTicketSystem(http, serviceNow));
            }

            if (itsm.Jira is { } jira)
            {
                systems.Add(new JiraTicketSystem(http, jira));
            }

            return new ItsmDelivery([.. systems.OrderBy(s => s.Name == itsm.Primary ? 0 : 1)], itsm.Retry, itsm.DeliveryInterval);
        });
        return services;
    }
}
