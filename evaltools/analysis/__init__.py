"""The analysis layer: goals, cohorts, the comparison design and the cost-benefit model. Returns
numbers and codes; imports only the data layer."""
