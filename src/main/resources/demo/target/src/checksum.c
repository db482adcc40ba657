#include <math.h>
#include "matmul.h"

/* A position-weighted checksum of the result, so any wrong element changes it. */
double checksum(const double *c, int n)
{
    double total = 0.0;
    for (int i = 0; i < n * n; i++) {
        total += c[i] * pow(1.0000001, (double)(i % 1024)) / (1.0 + log((double)(i % 1024) + 1.0));
    }
    return total;
}
