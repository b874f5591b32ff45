namespace Payments.Client.Testing.Customers;

/// <summary>Who owns which payment method, and how each one behaves. Thread-safe.</summary>
internal sealed class CustomerDirectory
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<string>> _methodsByCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Owner, PaymentMethodBehavior Behavior)> _methods = new(StringComparer.Ordinal);

    public static CustomerDirectory CreateSeeded()
    {
        var directory = new CustomerDirectory();
        directory.AddCustomer(TestCustomers.Default);
        directory.AddCustomer(TestCustomers.Other);
        directory.AddCustomer(TestCustomers.WithoutPaymentMethods);
        foreach (KeyValuePair<string, PaymentMethodBehavior> method in TestPaymentMethods.All.OrderBy(m => m.Key == TestPaymentMethods.Succeeds ? 0 : 1))
        {
            string owner = method.Key == TestPaymentMethods.OtherCustomers ? TestCustomers.Other : TestCustomers.Default;
            directory.AddPaymentMethod(owner, method.Key, method.Value);
        }

        return directory;
    }

    /// <returns>False when the customer already existed.</returns>
    public bool AddCustomer(string customerId)
    {
        lock (_gate)
        {
            return _methodsByCustomer.TryAdd(customerId, []);
        }
    }

    public void AddPaymentMethod(string customerId, string methodId, PaymentMethodBehavior behavior)
    {
        lock (_gate)
        {
            if (!_methodsByCustomer.TryGetValue(customerId, out List<string>? owned))
            {
                throw new InvalidOperationException($"No customer '{customerId}'; add it first with AddCustomer.");
            }

            if (_methods.TryGetValue(methodId, out var existing))
            {
                throw new InvalidOperationException($"Payment method '{methodId}' already belongs to '{existing.Owner}'.");
            }

            _methods.Add(methodId, (customerId, behavior));
            owned.Add(methodId);
        }
    }

    public bool CustomerExists(string customerId)
    {
        lock (_gate)
        {
            return _methodsByCustomer.ContainsKey(customerId);
        }
    }

    /// <summary>The first payment method added to the customer is its vaulted default.</summary>
    public string? DefaultPaymentMethod(string customerId)
    {
        lock (_gate)
        {
            return _methodsByCustomer.TryGetValue(customerId, out List<string>? owned) && owned.Count > 0 ? owned[0] : null;
        }
    }

    public bool TryGetPaymentMethod(string methodId, out string owner, out PaymentMethodBehavior behavior)
    {
        lock (_gate)
        {
            if (_methods.TryGetValue(methodId, out var entry))
            {
                (owner, behavior) = entry;
                return true;
            }
        }

        owner = string.Empty;
        behavior = PaymentMethodBehavior.Succeeds;
        return false;
    }
}
