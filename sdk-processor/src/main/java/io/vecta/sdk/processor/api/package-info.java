/**
 * Java from VPP {@code .api} files: {@link io.vecta.sdk.processor.api.ApiModuleProcessor} reads
 * {@code @ApiModule}, loads the file with the {@code .api} compiler and hands the model to
 * {@link io.vecta.sdk.processor.api.ApiJavaWriter}, which writes records, unions, enums, the
 * message codecs that run on {@code io.vecta.sdk.api} and a typed client per module.
 *
 * <pre>
 *   @ApiModule("vpe.api") package com.acme.api;
 *        │
 *        ▼  ApiLoader (parse, resolve imports, check)     errors → file:line:column on the package
 *   ApiFile ──▶ ApiJavaWriter ──▶ com.acme.api.vpe.ShowVersion, ShowVersionReply, ..., VpeModule
 *                              ├─▶ com.acme.api.vpe.VpeServiceClient (ApiClientWriter: a method per rpc)
 *                              └─▶ com.acme.api.vpe_types.* (types of imported files)
 * </pre>
 */
package io.vecta.sdk.processor.api;
