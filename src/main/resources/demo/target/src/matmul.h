#ifndef MATMUL_H
#define MATMUL_H
void multiply(const double *a, const double *b, double *c, int n);
double checksum(const double *c, int n);
void reference_multiply(const double *a, const double *b, double *c, int n);
#endif
