/** Commands the api sends to every collector on {@code argus.commands}, such as "poll now". */
package dev.argus.contract.commands;
