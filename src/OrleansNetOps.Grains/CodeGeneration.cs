using Orleans;

// Serializers and copiers for the domain records that cross grain calls. The domain libraries carry only the
// attributes (Microsoft.Orleans.Serialization.Abstractions); the code is generated here, where the SDK is.
[assembly: GenerateCodeForDeclaringAssembly(typeof(OrleansNetOps.Bgp.Prefixes.IpPrefix))]
[assembly: GenerateCodeForDeclaringAssembly(typeof(OrleansNetOps.Twin.WhatIf.WhatIfResult))]
[assembly: GenerateCodeForDeclaringAssembly(typeof(OrleansNetOps.Telemetry.Features.RouterFeatures))]
[assembly: GenerateCodeForDeclaringAssembly(typeof(OrleansNetOps.Analytics.Findings.Finding))]
[assembly: GenerateCodeForDeclaringAssembly(typeof(OrleansNetOps.Itsm.Tickets.TicketEvent))]
