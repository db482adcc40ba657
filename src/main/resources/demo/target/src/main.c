#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "matmul.h"

static void fill(double *m, int n, unsigned seed)
{
    for (int i = 0; i < n * n; i++) {
        seed = seed * 1103515245u + 12345u;
        m[i] = (double)((seed >> 16) % 1000) / 100.0;
    }
}

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Usage: matmul [n]        time one multiply + checksum, print time_ms and the checksum
 *        matmul --verify   compare multiply() with the reference on sizes that catch edge cases */
int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--verify") == 0) {
        int sizes[] = {1, 7, 63, 64, 65};
        for (unsigned s = 0; s < sizeof sizes / sizeof *sizes; s++) {
            int n = sizes[s];
            double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n);
            double *c = malloc(sizeof(double) * n * n), *r = malloc(sizeof(double) * n * n);
            fill(a, n, 1); fill(b, n, 2);
            multiply(a, b, c, n);
            reference_multiply(a, b, r, n);
            for (int i = 0; i < n * n; i++) {
                if (fabs(c[i] - r[i]) > 1e-6 * (1.0 + fabs(r[i]))) {
                    fprintf(stderr, "mismatch at n=%d index %d: %g != %g\n", n, i, c[i], r[i]);
                    return 1;
                }
            }
            free(a); free(b); free(c); free(r);
        }
        printf("verify: ok\n");
        return 0;
    }
    int n = argc > 1 ? atoi(argv[1]) : 320;
    double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n);
    double *c = malloc(sizeof(double) * n * n);
    fill(a, n, 1); fill(b, n, 2);
    double start = cpu_ms();
    multiply(a, b, c, n);
    double sum = checksum(c, n);
    double elapsed = cpu_ms() - start;
    printf("time_ms=%.3f checksum=%.6e\n", elapsed, sum);
    free(a); free(b); free(c);
    return 0;
}
